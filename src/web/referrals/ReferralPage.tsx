import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { ServiceDelivered } from '../../shared/api/care';
import { referralsApi, type ReferralDetail, type ReferralSnapshot, type ShareableField } from '../../shared/api/referrals';
import { call } from '../api/call';
import { ApiError } from '../api/client';
import { ConfirmModal } from '../common/ConfirmModal';
import { ErrorAlert } from '../common/ErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { NotFoundPage } from '../common/StatusPages';
import { formatDay, formatMoment } from '../cases/labels';
import { DeclineModal } from './DeclineModal';
import { ReferralStatusBadge, UrgencyBadge } from './ReferralBadges';
import { ServiceFormModal } from './ServiceFormModal';
import { referralKeys, useReferral, useReferralServices } from './referralApi';
import { SharedValue } from './SharedValue';

function Fact({ labelId, children }: { labelId: string; children: ReactNode }) {
  const intl = useIntl();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {intl.formatMessage({ id: labelId })}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** Minutes under an hour, hours (one decimal) beyond: "0 hours" would hide a fast answer. */
function formatTimeToAcceptance(intl: ReturnType<typeof useIntl>, minutes: number): string {
  if (minutes < 60) return intl.formatMessage({ id: 'referral.minutes' }, { minutes: Math.round(minutes) });
  return intl.formatMessage({ id: 'referral.hours' }, { hours: Math.round((minutes / 60) * 10) / 10 });
}

/** The services recorded on this referral. */
function ServicesTable({ items }: { items: ServiceDelivered[] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  if (items.length === 0) return <Text c="dimmed" size="sm">{t('services.empty')}</Text>;
  return (
    <Table striped data-testid="services-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('services.type')}</Table.Th>
          <Table.Th>{t('services.startDate')}</Table.Th>
          <Table.Th>{t('services.endDate')}</Table.Th>
          <Table.Th>{t('services.outcome')}</Table.Th>
          <Table.Th>{t('services.note')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((s) => (
          <Table.Tr key={s.id} data-testid="service-row">
            <Table.Td>{t(`serviceType.${s.serviceType}`)}</Table.Td>
            <Table.Td>{formatDay(intl, s.startDate)}</Table.Td>
            <Table.Td>{formatDay(intl, s.endDate)}</Table.Td>
            <Table.Td>{t(`serviceOutcome.${s.outcome}`)}</Table.Td>
            <Table.Td>{s.note ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One referral: for the receiving provider, only the fields the victim agreed
 * to share, and the answers it can give; for the sender, its progress.
 */
export function ReferralPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const queryClient = useQueryClient();
  const referral = useReferral(id);
  const services = useReferralServices(id, referral.isSuccess);
  const [declining, setDeclining] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // Accepting (a bed is taken, the provider takes the person on) and completing cannot be undone: asked first.
  const [confirming, setConfirming] = useState<'accept' | 'complete' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [recording, setRecording] = useState(false);

  if (referral.error instanceof ApiError && referral.error.status === 404) return <NotFoundPage />;
  if (referral.isPending) return <Skeleton height={240} />;
  if (!referral.data) return <ErrorAlert error={referral.error} />;
  const r = referral.data;
  const can = (transition: ReferralDetail['allowedTransitions'][number]) => r.allowedTransitions.includes(transition);
  const updated = (next: ReferralDetail) => {
    queryClient.setQueryData(referralKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: referralKeys.all, refetchType: 'none' });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
  const transition = async (name: 'accept' | 'start' | 'complete' | 'cancel') => {
    const params = { id };
    updated(await (name === 'cancel' ? call(referralsApi.cancel, { params, body: { note: null } }) : call(referralsApi[name], { params })));
    notifications.show({ color: 'teal', message: t(`referral.done.${name}`) });
  };
  // Starting is the provider's everyday answer: one click, errors shown in place.
  const answer = async (name: 'start') => {
    setBusy(name);
    setActionError(null);
    try {
      await transition(name);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle id="referral.title">
        <Group>
          {can('accept') && (
            <Button color="teal" onClick={() => setConfirming('accept')} data-testid="referral-accept">
              {t('referral.accept')}
            </Button>
          )}
          {can('decline') && (
            <Button color="orange" variant="light" onClick={() => setDeclining(true)} data-testid="referral-decline">
              {t('referral.decline.action')}
            </Button>
          )}
          {can('start') && (
            <Button loading={busy === 'start'} onClick={() => void answer('start')} data-testid="referral-start">
              {t('referral.start')}
            </Button>
          )}
          {can('recordService') && (
            <Button variant="light" onClick={() => setRecording(true)} data-testid="service-record">
              {t('services.record')}
            </Button>
          )}
          {can('complete') && (
            <Button color="green" onClick={() => setConfirming('complete')} data-testid="referral-complete">
              {t('referral.complete')}
            </Button>
          )}
          {can('cancel') && (
            <Button color="red" variant="subtle" onClick={() => setCancelling(true)} data-testid="referral-cancel">
              {t('referral.cancel')}
            </Button>
          )}
        </Group>
      </PageTitle>
      <Stack data-testid="referral-detail" data-status={r.status}>
        <ErrorAlert error={actionError} />
        <Group>
          <Text ff="monospace" dir="ltr" fw={600}>
            {r.reference}
          </Text>
          <ReferralStatusBadge status={r.status} />
          <UrgencyBadge urgency={r.urgency} />
          {r.overdue && <Badge color="red">{t('referrals.overdue')}</Badge>}
          {r.consentOverride && <Badge color="grape">{t('referral.override.badge')}</Badge>}
        </Group>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact labelId="referrals.service">{t(`serviceType.${r.serviceType}`)}</Fact>
            <Fact labelId="referrals.from">{r.referringAgencyName}</Fact>
            <Fact labelId="referrals.to">
              {r.providerName}
              <Text span display="block" size="xs" c="dimmed">
                {r.receivingAgencyName}
              </Text>
            </Fact>
            <Fact labelId="referral.reason">{t(`referralReason.${r.reason}`)}</Fact>
            <Fact labelId="referrals.sentAt">{formatMoment(intl, r.sentAt)}</Fact>
            <Fact labelId="referral.dueAt">{formatMoment(intl, r.dueAt)}</Fact>
            {r.acceptedAt && <Fact labelId="referral.acceptedAt">{formatMoment(intl, r.acceptedAt)}</Fact>}
            {r.minutesToAcceptance !== null && (
              <Fact labelId="referral.timeToAcceptance">{formatTimeToAcceptance(intl, r.minutesToAcceptance)}</Fact>
            )}
            {r.caseId && (
              <Fact labelId="referrals.case">
                <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
              </Fact>
            )}
            {r.declineReason && <Fact labelId="referral.decline.reason">{t(`declineReason.${r.declineReason}`)}</Fact>}
            {r.declineNote && <Fact labelId="referral.decline.note">{r.declineNote}</Fact>}
          </SimpleGrid>
          {r.reasonDetails && (
            <Text mt="sm" size="sm" data-testid="referral-reason-details">
              {r.reasonDetails}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('referral.shared.title')}
          </Title>
          {r.snapshotWithheld || !r.snapshot ? (
            <Alert icon={<IconLock aria-hidden />} color="gray" data-testid="referral-withheld">
              {t('referral.shared.withheld')}
            </Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="referral-shared">
              {r.sharedFields.map((field: ShareableField) => (
                <Fact key={field} labelId={`shareField.${field}`}>
                  <span data-testid={`referral-field-${field}`}>
                    <SharedValue field={field} snapshot={r.snapshot as ReferralSnapshot} />
                  </span>
                </Fact>
              ))}
            </SimpleGrid>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('referral.shared.note')}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('services.title')}
          </Title>
          <ErrorAlert error={services.error} />
          <ServicesTable items={services.data?.items ?? []} />
        </Card>
      </Stack>
      {declining && <DeclineModal referral={r} onClose={() => setDeclining(false)} onDeclined={updated} />}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming ? t(`caseOverview.referral.${confirming}Title`) : ''}
        message={confirming ? intl.formatMessage({ id: `caseOverview.referral.${confirming}Confirm` }, { reference: r.reference, provider: r.providerName }) : ''}
        confirmLabel={confirming ? t(`referral.${confirming}`) : ''}
        onConfirm={() => transition(confirming!)}
        onClose={() => setConfirming(null)}
      />
      <ConfirmModal
        opened={cancelling}
        title={t('referral.cancelTitle')}
        message={intl.formatMessage({ id: 'referral.cancelConfirm' }, { reference: r.reference })}
        confirmLabel={t('referral.cancel')}
        danger
        onConfirm={() => transition('cancel')}
        onClose={() => setCancelling(false)}
      />
      {recording && (
        <ServiceFormModal
          target={{ referralId: r.id }}
          defaultType={r.serviceType}
          onClose={() => setRecording(false)}
          onSaved={(items) => {
            queryClient.setQueryData(referralKeys.services(id), { items });
            void queryClient.invalidateQueries({ queryKey: referralKeys.detail(id) });
            setRecording(false);
            notifications.show({ color: 'teal', message: t('services.saved') });
          }}
        />
      )}
    </>
  );
}
