import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, giveConsentBody, type Consent } from '../../../shared/api/cases';
import { providersApi } from '../../../shared/api/providers';
import { CONSENT_METHODS, CONSENT_TYPES } from '../../../shared/htcds/case';
import { GUARDIAN_RELATIONSHIPS } from '../../../shared/htcds/guardian';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { reportFormError } from '../../forms/serverErrors';
import { zodValidator } from '../../forms/validation';
import { CaseDatesProvider, DayInput } from '../CaseDates';
import { CODE_PREFIX, codeOptions } from '../labels';

interface ConsentFormValues {
  type: string | null;
  agencyId: string | null;
  method: string | null;
  givenOn: string | null;
  guardianName: string;
  guardianRelationship: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The consent body: today's consent is stamped by the server; an earlier one at noon UTC that day. */
function consentBody(values: ConsentFormValues) {
  return {
    type: values.type,
    agencyId: values.type === 'share_with_organisation' ? values.agencyId : null,
    method: values.method,
    // Only a guardian's consent names the guardian (a child's case); other methods send neither.
    guardianName: values.method === 'guardian' ? values.guardianName.trim() || null : null,
    guardianRelationship: values.method === 'guardian' ? values.guardianRelationship : null,
    ...(values.givenOn && values.givenOn !== today() ? { givenAt: `${values.givenOn}T12:00:00.000Z` } : {}),
  };
}

/**
 * The organisations a victim can agree to share with: the agencies behind the
 * service directory, which every case worker may read (GET /api/providers).
 */
function useConsentAgencies() {
  const providers = useQuery({
    queryKey: ['providers', 'consent-agencies'],
    queryFn: () => call(providersApi.list, { query: { page: 1, pageSize: 200 } }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of providers.data?.items ?? []) byId.set(p.agencyId, p.agencyName);
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [providers.data]);
  return { options, error: providers.error, loading: providers.isPending };
}

/** Record a consent the victim gave: its type, the organisation for a sharing consent, how and when. */
export function ConsentFormModal({ caseId, onClose, onSaved }: { caseId: string; onClose: () => void; onSaved: (items: Consent[]) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const agencies = useConsentAgencies();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ConsentFormValues>({
    initialValues: { type: null, agencyId: null, method: null, givenOn: today(), guardianName: '', guardianRelationship: null },
    validate: (values) => zodValidator(giveConsentBody, intl)(consentBody(values)),
  });
  const sharing = form.getValues().type === 'share_with_organisation';
  const byGuardian = form.getValues().method === 'guardian';

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      // Already validated against the same schema: parsing only gives the body its checked type.
      const result = await call(casesApi.giveConsent, { params: { id: caseId }, body: giveConsentBody.parse(consentBody(values)) });
      onSaved(result.items);
    } catch (error) {
      // The server names the timestamp it was sent; the form shows it as a day.
      const sink = { setFieldError: (field: string, message: string) => form.setFieldError(field === 'givenAt' ? 'givenOn' : field, message) };
      setFormError(reportFormError(intl, error, sink, ['type', 'agencyId', 'method', 'givenAt', 'guardianName', 'guardianRelationship']));
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('cases.consent.give')} size="lg">
      <CaseDatesProvider>
        <form onSubmit={submit} noValidate data-testid="consent-form">
          <Stack>
            <ErrorAlert message={formError} />
            <ErrorAlert error={agencies.error} />
            <Text size="sm" c="dimmed">
              {t('cases.consent.intro')}
            </Text>
            <Select label={t('cases.consent.type')} data={codeOptions(intl, CODE_PREFIX.consentType, CONSENT_TYPES)} required data-testid="consent-form-type" {...form.getInputProps('type')} />
            {sharing && (
              <Select
                label={t('cases.consent.agency')}
                description={t('cases.consent.agencyHint')}
                data={agencies.options}
                searchable
                required
                nothingFoundMessage={t('cases.consent.noAgency')}
                disabled={agencies.loading}
                data-testid="consent-form-agency"
                {...form.getInputProps('agencyId')}
              />
            )}
            <Select label={t('cases.consent.method')} data={codeOptions(intl, CODE_PREFIX.consentMethod, CONSENT_METHODS)} required data-testid="consent-form-method" {...form.getInputProps('method')} />
            {byGuardian && (
              <>
                <TextInput label={t('caseOverview.guardian.name')} description={t('caseOverview.guardian.nameHint')} required maxLength={200} data-testid="consent-form-guardian-name" {...form.getInputProps('guardianName')} />
                <Select
                  label={t('caseOverview.guardian.relationship')}
                  data={GUARDIAN_RELATIONSHIPS.map((code) => ({ value: code, label: t(`guardianRelationship.${code}`) }))}
                  required
                  data-testid="consent-form-guardian-relationship"
                  {...form.getInputProps('guardianRelationship')}
                />
              </>
            )}
            <DayInput label={t('cases.consent.givenOn')} maxDate={new Date()} clearable={false} data-testid="consent-form-date" {...form.getInputProps('givenOn')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} data-testid="consent-form-submit">
                {t('cases.consent.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      </CaseDatesProvider>
    </Modal>
  );
}
