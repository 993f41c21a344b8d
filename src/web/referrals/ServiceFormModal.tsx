import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { providersApi, SERVICE_TYPES, type ServiceType } from '../../shared/api/providers';
import { careApi, SERVICE_OUTCOMES, type ServiceDelivered } from '../../shared/api/care';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { reportFormError } from '../forms/serverErrors';
import { CaseDatesProvider, DayInput } from '../cases/CaseDates';

interface ServiceValues {
  serviceType: ServiceType | null;
  providerId: string | null;
  startDate: string | null;
  endDate: string | null;
  outcome: ServiceDelivered['outcome'] | null;
  note: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records a service delivered: on a referral (the provider; type and provider
 * come from the referral) or on a case (the case worker picks both).
 */
export function ServiceFormModal({ target, defaultType, onClose, onSaved }: {
  target: { referralId: string } | { caseId: string };
  defaultType?: ServiceType;
  onClose: () => void;
  onSaved: (items: ServiceDelivered[]) => void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const onCase = 'caseId' in target;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ServiceValues>({
    initialValues: { serviceType: defaultType ?? null, providerId: null, startDate: today(), endDate: null, outcome: 'ongoing', note: '' },
    validate: {
      serviceType: (v) => (v ? null : t('validation.required')),
      startDate: (v) => (v ? null : t('validation.required')),
      outcome: (v) => (v ? null : t('validation.required')),
      endDate: (v, values) => (v && values.startDate && v < values.startDate ? t('services.endBeforeStart') : null),
    },
  });
  const serviceType = form.getValues().serviceType;
  const providers = useQuery({
    queryKey: ['providers', 'by-service', serviceType],
    queryFn: () => call(providersApi.list, { query: { service: serviceType ?? undefined, pageSize: 200 } }),
    enabled: onCase && Boolean(serviceType),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const { serviceType, startDate, outcome } = values;
    if (!serviceType || !startDate || !outcome) return; // the form's validation requires them
    const body = { serviceType, startDate, endDate: values.endDate || null, outcome, note: values.note.trim() || null };
    try {
      const result = onCase
        ? await call(careApi.recordCaseService, { params: { id: target.caseId }, body: { ...body, providerId: values.providerId } })
        : await call(careApi.recordReferralService, { params: { id: target.referralId }, body });
      onSaved(result.items);
    } catch (error) {
      setFormError(reportFormError(intl, error, form, ['serviceType', 'providerId', 'startDate', 'endDate', 'outcome', 'note']));
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('services.record')} size="lg">
      <CaseDatesProvider>
        <form onSubmit={submit} noValidate data-testid="service-form">
          <Stack>
            <ErrorAlert message={formError} />
            <Select
              label={t('services.type')}
              data={SERVICE_TYPES.map((code) => ({ value: code, label: t(`serviceType.${code}`) }))}
              required
              allowDeselect={false}
              data-testid="service-form-type"
              {...form.getInputProps('serviceType')}
            />
            {onCase && (
              <Select
                label={t('services.provider')}
                description={t('services.providerHint')}
                data={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.agencyName}` }))}
                searchable
                clearable
                data-testid="service-form-provider"
                {...form.getInputProps('providerId')}
              />
            )}
            <Group grow>
              <DayInput label={t('services.startDate')} required clearable={false} data-testid="service-form-start" {...form.getInputProps('startDate')} />
              <DayInput label={t('services.endDate')} clearable data-testid="service-form-end" {...form.getInputProps('endDate')} />
            </Group>
            <Select
              label={t('services.outcome')}
              data={SERVICE_OUTCOMES.map((code) => ({ value: code, label: t(`serviceOutcome.${code}`) }))}
              required
              allowDeselect={false}
              data-testid="service-form-outcome"
              {...form.getInputProps('outcome')}
            />
            <Textarea label={t('services.note')} description={t('services.noteHint')} autosize minRows={2} maxLength={5000} data-testid="service-form-note" {...form.getInputProps('note')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="service-form-submit">
                {t('services.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </CaseDatesProvider>
    </Modal>
  );
}
