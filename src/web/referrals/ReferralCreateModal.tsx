import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { providersApi, SERVICE_TYPES, type ServiceType } from '../../shared/api/providers';
import {
  DEFAULT_SHARED_FIELDS, REFERRAL_REASONS, REFERRAL_URGENCIES, referralsApi, SHAREABLE_FIELDS, type CreateReferralInput, type ReferralDetail, type ShareableField,
} from '../../shared/api/referrals';
import { call } from '../api/call';
import { ConfirmModal } from '../common/ConfirmModal';
import { ErrorAlert } from '../common/ErrorAlert';
import { ProviderChoice } from './ProviderChoice';

const OVERRIDE_MIN = 20;

/**
 * The "Refer" flow of a case: the needed service → matched providers with why
 * they rank there → exactly which fields to share (minimal by default) → the
 * consent check for that organisation, or the emergency override (risk to
 * life) with a justification and a confirmation. The server enforces consent
 * again; this only explains it before sending.
 */
export function ReferralCreateModal({ caseData, onClose, onCreated }: { caseData: CaseDetail; onClose: () => void; onCreated: (r: ReferralDetail) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [service, setService] = useState<ServiceType | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [fields, setFields] = useState<ShareableField[]>([...DEFAULT_SHARED_FIELDS]);
  const [urgency, setUrgency] = useState<CreateReferralInput['urgency']>('urgent');
  const [reason, setReason] = useState<CreateReferralInput['reason']>('AdditionalServicesRequired');
  const [reasonDetails, setReasonDetails] = useState('');
  const [needsSummary, setNeedsSummary] = useState('');
  const [medicalNotes, setMedicalNotes] = useState('');
  const [override, setOverride] = useState(false);
  const [justification, setJustification] = useState('');
  const [confirmingOverride, setConfirmingOverride] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const matches = useQuery({
    queryKey: ['providers', 'match', service, caseData.id],
    // Only enabled once a service is chosen.
    queryFn: () => call(providersApi.match, { query: { service: service!, caseId: caseData.id, pageSize: 10 } }),
    enabled: Boolean(service),
  });
  const provider = matches.data?.items.find((p) => p.id === providerId) ?? null;
  const consented = provider ? caseData.consents.some((c) => c.type === 'share_with_organisation' && c.agencyId === provider.agencyId && !c.revokedAt) : false;
  const missingText = (fields.includes('needs_summary') && !needsSummary.trim()) || (fields.includes('medical_notes') && !medicalNotes.trim());
  const overrideReady = override && justification.trim().length >= OVERRIDE_MIN;
  const ready = Boolean(provider) && !missingText && (consented || overrideReady);

  const toggle = (field: ShareableField, checked: boolean) => setFields((current) => (checked ? [...current, field] : current.filter((f) => f !== field)));
  const send = async () => {
    if (!providerId || !service) return; // the send button waits for both
    setBusy(true);
    setError(null);
    try {
      const body: CreateReferralInput = {
        providerId,
        serviceType: service,
        urgency,
        reason,
        reasonDetails: reasonDetails.trim() || null,
        sharedFields: SHAREABLE_FIELDS.filter((f) => fields.includes(f)),
        needsSummary: fields.includes('needs_summary') ? needsSummary.trim() : null,
        medicalNotes: fields.includes('medical_notes') ? medicalNotes.trim() : null,
        ...(!consented && override ? { override: { reason: 'risk_to_life', justification: justification.trim() } } : {}),
      };
      onCreated(await call(referralsApi.create, { params: { id: caseData.id }, body }));
    } catch (caught) {
      setError(caught);
      throw caught;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('referral.create.title')} size="xl">
      <Stack data-testid="referral-create-form">
        <ErrorAlert error={error} />
        <Select
          label={t('referral.create.service')}
          data={SERVICE_TYPES.map((code) => ({ value: code, label: t(`serviceType.${code}`) }))}
          value={service}
          onChange={(value) => {
            setService(value as ServiceType | null);
            setProviderId(null);
          }}
          searchable
          required
          data-testid="referral-service"
        />
        {service && <ProviderChoice matches={matches} value={providerId} onChange={setProviderId} />}
        {provider && (
          <>
            <Title order={3} size="h5">
              {t('referral.create.share')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('referral.create.shareHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              {SHAREABLE_FIELDS.map((field) => (
                <Checkbox
                  key={field}
                  label={t(`shareField.${field}`)}
                  checked={fields.includes(field)}
                  onChange={(e) => toggle(field, e.currentTarget.checked)}
                  data-testid={`referral-share-${field}`}
                />
              ))}
            </SimpleGrid>
            {fields.includes('needs_summary') && (
              <Textarea label={t('shareField.needs_summary')} description={t('referral.create.needsHint')} value={needsSummary} onChange={(e) => setNeedsSummary(e.currentTarget.value)} required autosize minRows={2} maxLength={5000} data-testid="referral-needs" />
            )}
            {fields.includes('medical_notes') && (
              <Textarea label={t('shareField.medical_notes')} value={medicalNotes} onChange={(e) => setMedicalNotes(e.currentTarget.value)} required autosize minRows={2} maxLength={5000} data-testid="referral-medical" />
            )}
            <Group grow align="flex-start">
              <Select label={t('referrals.urgency')} data={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`referralUrgency.${u}`) }))} value={urgency} onChange={(v) => setUrgency((v ?? 'urgent') as CreateReferralInput['urgency'])} allowDeselect={false} data-testid="referral-urgency" />
              <Select label={t('referral.reason')} data={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`referralReason.${r}`) }))} value={reason} onChange={(v) => setReason((v ?? 'AdditionalServicesRequired') as CreateReferralInput['reason'])} allowDeselect={false} data-testid="referral-reason" />
            </Group>
            <Textarea label={t('referral.create.details')} description={t('referral.create.detailsHint')} value={reasonDetails} onChange={(e) => setReasonDetails(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="referral-details" />
            {consented ? (
              <Alert color="teal" icon={<IconShieldCheck aria-hidden />} data-testid="referral-consent-ok">
                {intl.formatMessage({ id: 'referral.create.consentOk' }, { agency: provider.agencyName })}
              </Alert>
            ) : (
              <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} data-testid="referral-consent-missing">
                <Stack gap="xs">
                  <Text size="sm">{intl.formatMessage({ id: 'referral.create.consentMissing' }, { agency: provider.agencyName })}</Text>
                  <Checkbox label={t('referral.override.label')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} data-testid="referral-override" />
                  {override && (
                    <Textarea
                      label={t('referral.override.justification')}
                      description={intl.formatMessage({ id: 'referral.override.justificationHint' }, { min: OVERRIDE_MIN })}
                      value={justification}
                      onChange={(e) => setJustification(e.currentTarget.value)}
                      required
                      autosize
                      minRows={2}
                      maxLength={5000}
                      data-testid="referral-override-justification"
                    />
                  )}
                </Stack>
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} loading={busy} onClick={() => (consented ? void send().catch(() => undefined) : setConfirmingOverride(true))} data-testid="referral-submit">
            {t('referral.create.submit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmingOverride}
        title={t('referral.override.confirmTitle')}
        message={t('referral.override.confirm')}
        confirmLabel={t('referral.create.submit')}
        danger
        onConfirm={send}
        onClose={() => setConfirmingOverride(false)}
      />
    </Modal>
  );
}
