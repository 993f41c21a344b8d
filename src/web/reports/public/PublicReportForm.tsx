import { Button, Checkbox, Fieldset, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { CALLER_TYPES, CONTACT_MAX, PUBLIC_NARRATIVE_MAX, publicReportBody, publicReportsApi, type PublicReportBody } from '../../../shared/api/reports';
import { REGION_CODES, REGION_NAMES, type RegionCode } from '../../../shared/geo/regions';
import { EXPLOITATION_FORMS, type ExploitationForm } from '../../../shared/htcds/victim';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { focusFirstError } from '../../forms/focusFirstError';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { useLocale } from '../../i18n/locale-context';

interface FormValues {
  narrative: string;
  exploitationForms: ExploitationForm[];
  region: string | null;
  province: string;
  peopleAtRisk: number | string;
  minors: 'yes' | 'no' | 'unknown';
  immediateDanger: boolean;
  callerType: string | null;
  contact: string;
}

const FIELDS = ['narrative', 'exploitationForms', 'region', 'province', 'peopleAtRisk', 'minorsInvolved', 'immediateDanger', 'callerType', 'contact'] as const;

/** The form values as the API expects them (empty answers left out). */
function toPayload(values: FormValues, language: string): PublicReportBody {
  return {
    narrative: values.narrative,
    exploitationForms: values.exploitationForms,
    region: (values.region as RegionCode | null) ?? null,
    province: values.province.trim() || null,
    peopleAtRisk: typeof values.peopleAtRisk === 'number' ? values.peopleAtRisk : null,
    minorsInvolved: values.minors === 'unknown' ? null : values.minors === 'yes',
    immediateDanger: values.immediateDanger,
    callerType: (values.callerType as PublicReportBody['callerType']) ?? null,
    language: language as PublicReportBody['language'],
    contact: values.contact.trim() || null,
  };
}

/** The public report form; calls `onReceipt` with the receipt code once the hotline has it. */
export function PublicReportForm({ onReceipt }: { onReceipt: (receiptCode: string) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [error, setError] = useState<string | null>(null);
  const validatePayload = zodValidator<PublicReportBody>(publicReportBody, intl);
  const form = useForm<FormValues>({
    initialValues: {
      narrative: '',
      exploitationForms: [],
      region: null,
      province: '',
      peopleAtRisk: '',
      minors: 'unknown',
      immediateDanger: false,
      callerType: null,
      contact: '',
    },
    validate: (values) => validatePayload(toPayload(values, locale)),
  });
  const t = (id: string) => intl.formatMessage({ id });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const { receiptCode } = await call(publicReportsApi.submit, { body: toPayload(values, locale) });
      onReceipt(receiptCode);
    } catch (caught) {
      setError(reportFormError(intl, caught, form, FIELDS));
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-testid="public-report-form">
      <Stack gap="lg">
        <ErrorAlert message={error} testId="public-report-error" />
        <Fieldset legend={t('publicReport.section.what')}>
          <Stack>
            <Textarea
              label={t('publicReport.narrative')}
              description={t('publicReport.narrative.help')}
              required
              autosize
              minRows={5}
              maxLength={PUBLIC_NARRATIVE_MAX}
              dir="auto"
              data-testid="public-report-narrative"
              {...form.getInputProps('narrative')}
            />
            <Text size="xs" c="dimmed" ta="end" aria-live="polite" data-testid="public-report-counter">
              {intl.formatMessage({ id: 'publicReport.narrative.counter' }, { count: form.values.narrative.length, max: PUBLIC_NARRATIVE_MAX })}
            </Text>
            <Checkbox.Group label={t('publicReport.forms')} {...form.getInputProps('exploitationForms')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {EXPLOITATION_FORMS.map((code) => (
                  <Checkbox key={code} value={code} label={t(`publicReport.form.${code}`)} data-testid={`public-report-form-${code}`} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('publicReport.section.where')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('publicReport.region')}
              placeholder={t('publicReport.region.placeholder')}
              clearable
              searchable
              data={REGION_CODES.map((code) => ({ value: code, label: REGION_NAMES[code][locale] }))}
              data-testid="public-report-region"
              {...form.getInputProps('region')}
            />
            <TextInput label={t('publicReport.province')} maxLength={100} dir="auto" data-testid="public-report-province" {...form.getInputProps('province')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('publicReport.section.who')}>
          <Stack>
            <NumberInput label={t('publicReport.peopleAtRisk')} min={0} max={1000} allowDecimal={false} allowNegative={false} data-testid="public-report-people" {...form.getInputProps('peopleAtRisk')} />
            <Radio.Group label={t('publicReport.minors')} {...form.getInputProps('minors')}>
              <Stack gap="xs" mt="xs">
                {(['yes', 'no', 'unknown'] as const).map((answer) => (
                  <Radio key={answer} value={answer} label={t(`publicReport.minors.${answer}`)} data-testid={`public-report-minors-${answer}`} />
                ))}
              </Stack>
            </Radio.Group>
            <Switch
              color="red"
              label={t('publicReport.immediateDanger')}
              description={t('publicReport.immediateDanger.help')}
              data-testid="public-report-danger"
              {...form.getInputProps('immediateDanger', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('publicReport.section.you')}>
          <Stack>
            <Select
              label={t('publicReport.callerType')}
              placeholder={t('publicReport.callerType.placeholder')}
              clearable
              data={CALLER_TYPES.map((type) => ({ value: type, label: t(`publicReport.callerType.${type}`) }))}
              data-testid="public-report-caller"
              {...form.getInputProps('callerType')}
            />
            <TextInput
              label={t('publicReport.contact')}
              description={t('publicReport.contact.help')}
              maxLength={CONTACT_MAX}
              dir="auto"
              autoComplete="off"
              data-testid="public-report-contact"
              {...form.getInputProps('contact')}
            />
          </Stack>
        </Fieldset>

        <Button type="submit" size="md" loading={form.submitting} data-testid="public-report-submit">
          {t('publicReport.submit')}
        </Button>
      </Stack>
    </form>
  );
}
