import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, eventBody } from '../../../shared/api/cases';
import { TRAFFICKING_EVENT_TYPES } from '../../../shared/htcds/victim';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { useLocale } from '../../i18n/locale-context';
import { CaseDatesProvider, DayInput } from '../CaseDates';
import { CODE_PREFIX, codeOptions, regionOptions } from '../labels';
import { useCountryOptions } from '../../common/useCountryOptions';

interface EventFormValues {
  type: string | null;
  country: string | null;
  region: string | null;
  city: string;
  startDate: string | null;
  endDate: string | null;
  description: string;
}

const FIELDS = ['type', 'country', 'region', 'city', 'startDate', 'endDate', 'description'];

function eventRequest(values: EventFormValues) {
  return {
    type: values.type,
    country: values.country,
    // Regions are only known for the home country.
    region: values.country === 'MA' ? values.region : null,
    city: values.city.trim() || null,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    description: values.description.trim() || null,
  };
}

/** Record one stage of the trafficking (HTCDS hte_): recruitment, transit or exploitation, where and when. */
export function EventFormModal({ caseId, onClose, onSaved }: { caseId: string; onClose: () => void; onSaved: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: string) => intl.formatMessage({ id });
  const countries = useCountryOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EventFormValues>({
    initialValues: { type: null, country: null, region: null, city: '', startDate: null, endDate: null, description: '' },
    validate: (values) => zodValidator(eventBody, intl)(eventRequest(values)),
  });
  const values = form.getValues();

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      // Already validated against the same schema: parsing only gives the body its checked type.
      await call(casesApi.addEvent, { params: { id: caseId }, body: eventBody.parse(eventRequest(v)) });
      onSaved();
    } catch (error) {
      setFormError(reportFormError(intl, error, form, FIELDS));
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('cases.events.add')} size="lg">
      <CaseDatesProvider>
        <form onSubmit={submit} noValidate data-testid="event-form">
          <Stack>
            <ErrorAlert message={formError} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('cases.events.type')} data={codeOptions(intl, CODE_PREFIX.eventType, TRAFFICKING_EVENT_TYPES)} required data-testid="event-form-type" {...form.getInputProps('type')} />
              <Select label={t('cases.events.country')} data={countries} searchable required data-testid="event-form-country" {...form.getInputProps('country')} />
              {values.country === 'MA' && (
                <Select label={t('cases.field.region')} data={regionOptions(locale)} clearable data-testid="event-form-region" {...form.getInputProps('region')} />
              )}
              <TextInput label={t('cases.events.city')} data-testid="event-form-city" {...form.getInputProps('city')} />
              <DayInput label={t('cases.events.start')} data-testid="event-form-start" {...form.getInputProps('startDate')} />
              <DayInput label={t('cases.events.end')} data-testid="event-form-end" {...form.getInputProps('endDate')} />
            </SimpleGrid>
            <Textarea label={t('cases.events.description')} autosize minRows={3} data-testid="event-form-description" {...form.getInputProps('description')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="event-form-submit">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </CaseDatesProvider>
    </Modal>
  );
}
