import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  CALLER_TYPES,
  REPORT_CHANNELS,
  REPORT_KINDS,
  REPORT_URGENCIES,
  createReportBody,
  type CreateReportBody,
  reportsApi,
} from '../../shared/api/reports';
import { REGION_CODES, REGION_NAMES } from '../../shared/geo/regions';
import { EXPLOITATION_FORMS } from '../../shared/htcds/victim';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { zodValidator } from '../forms/validation';
import { useLocale } from '../i18n/locale-context';
import { victimLanguageLabel } from '../cases/labels';
import { codeOptions } from './labels';
import { useDispatchTargets } from './useDispatchTargets';

// Languages callers use most on the Moroccan hotline: Darija, Arabic, Tamazight, French, English, Spanish.
const CALL_LANGUAGES = ['ary', 'ar', 'zgh', 'fr', 'en', 'es'] as const;

interface Values {
  kind: string | null;
  channel: string | null;
  urgency: string | null;
  callerType: string | null;
  language: string | null;
  region: string | null;
  province: string;
  narrative: string;
  exploitationForms: string[];
  peopleAtRisk: number | string;
  minors: string | null;
  reporterContact: string;
  dispatchAgencyId: string | null;
}

const FIELDS = ['kind', 'channel', 'urgency', 'callerType', 'language', 'region', 'province', 'narrative', 'exploitationForms', 'peopleAtRisk', 'reporterContact', 'dispatchAgencyId'];

function toBody(v: Values): CreateReportBody {
  return {
    kind: v.kind as CreateReportBody['kind'],
    channel: v.channel as CreateReportBody['channel'],
    urgency: v.urgency as CreateReportBody['urgency'],
    callerType: v.callerType as CreateReportBody['callerType'],
    language: v.language as CreateReportBody['language'],
    region: v.region as CreateReportBody['region'],
    province: v.province.trim() || null,
    narrative: v.narrative.trim() || null,
    exploitationForms: v.exploitationForms as CreateReportBody['exploitationForms'],
    peopleAtRisk: typeof v.peopleAtRisk === 'number' ? v.peopleAtRisk : null,
    minorsInvolved: v.minors === null || v.minors === 'unknown' ? null : v.minors === 'yes',
    reporterContact: v.reporterContact.trim() || null,
    ...(v.urgency === 'immediate_danger' && v.dispatchAgencyId ? { dispatchAgencyId: v.dispatchAgencyId } : {}),
  };
}

/** A hotline operator records a call (or walk-in, e-mail, referral); immediate danger is dispatched on save. */
export function NewReportModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const validate = zodValidator(createReportBody, intl);
  const form = useForm<Values>({
    initialValues: {
      kind: 'trafficking_suspicion',
      channel: 'hotline_call',
      urgency: 'standard',
      callerType: null,
      language: 'ary',
      region: null,
      province: '',
      narrative: '',
      exploitationForms: [],
      peopleAtRisk: '',
      minors: null,
      reporterContact: '',
      dispatchAgencyId: null,
    },
    validate: (values) => validate(toBody(values)),
  });
  const emergency = form.values.urgency === 'immediate_danger';
  const targets = useDispatchTargets(emergency);
  const t = (id: string) => intl.formatMessage({ id });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await call(reportsApi.create, { body: toBody(values) });
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      onCreated(created.id);
    } catch (caught) {
      setError(reportFormError(intl, caught, form, FIELDS));
    }
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={t('reports.new')}>
      <form onSubmit={submit} noValidate data-testid="report-form">
        <Stack>
          <ErrorAlert message={error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('report.field.kind')} required allowDeselect={false} data={codeOptions(intl, 'report.kind', REPORT_KINDS)} data-testid="report-form-kind" {...form.getInputProps('kind')} />
            <Select label={t('report.field.channel')} required allowDeselect={false} data={codeOptions(intl, 'report.channel', REPORT_CHANNELS)} data-testid="report-form-channel" {...form.getInputProps('channel')} />
            <Select label={t('report.field.urgency')} required allowDeselect={false} data={codeOptions(intl, 'report.urgency', REPORT_URGENCIES)} data-testid="report-form-urgency" {...form.getInputProps('urgency')} />
          </SimpleGrid>
          {emergency && (
            <Select
              label={t('report.create.dispatchAgency')}
              placeholder={t('report.dispatch.agency.auto')}
              clearable
              data={(targets.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              data-testid="report-form-dispatch-agency"
              {...form.getInputProps('dispatchAgencyId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('report.field.callerType')} clearable data={codeOptions(intl, 'publicReport.callerType', CALLER_TYPES)} {...form.getInputProps('callerType')} />
            <Select label={t('report.field.language')} clearable data={CALL_LANGUAGES.map((code) => ({ value: code, label: victimLanguageLabel(intl, code) }))} {...form.getInputProps('language')} />
            <Select label={t('report.field.region')} clearable searchable data={REGION_CODES.map((code) => ({ value: code, label: REGION_NAMES[code][locale] }))} data-testid="report-form-region" {...form.getInputProps('region')} />
            <TextInput label={t('report.field.province')} dir="auto" {...form.getInputProps('province')} />
          </SimpleGrid>
          <Textarea label={t('report.field.narrative')} autosize minRows={4} dir="auto" data-testid="report-form-narrative" {...form.getInputProps('narrative')} />
          <MultiSelect label={t('report.field.forms')} data={codeOptions(intl, 'publicReport.form', EXPLOITATION_FORMS)} {...form.getInputProps('exploitationForms')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('report.field.peopleAtRisk')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('peopleAtRisk')} />
            <Select label={t('report.field.minors')} clearable data={codeOptions(intl, 'publicReport.minors', ['yes', 'no', 'unknown'])} {...form.getInputProps('minors')} />
            <TextInput label={t('report.field.contact')} dir="auto" {...form.getInputProps('reporterContact')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} color={emergency ? 'red' : undefined} data-testid="report-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
