import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../../shared/api/cases';
import { CASE_TRANSFER_REASONS, caseTransfersApi, type CaseTransfer, type CaseTransferReason } from '../../../shared/api/caseTransfers';
import { call } from '../../api/call';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { codeLabel, codeOptions, formatMoment } from '../labels';
import { handoverKeys, useCaseTransfers } from './handoverApi';

interface TransferFormValues {
  toAgencyId: string | null;
  reason: CaseTransferReason | null;
  reasonNote: string;
}

const STATUS_COLOR: Record<CaseTransfer['status'], string> = { pending: 'yellow', accepted: 'teal', declined: 'red', cancelled: 'gray' };

/**
 * Handing the case over to another agency: only agencies the person consented
 * to share with are offered (and the section says so when there are none), a
 * reason is required, and the request is confirmed before it is sent. A
 * pending transfer can be cancelled; past ones stay listed.
 */
export function TransferSection({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const transfers = useCaseTransfers(caseData.id);
  const [confirming, setConfirming] = useState<TransferFormValues | null>(null);
  const [cancelling, setCancelling] = useState<CaseTransfer | null>(null);
  const form = useForm<TransferFormValues>({
    initialValues: { toAgencyId: null, reason: null, reasonNote: '' },
    validate: {
      toAgencyId: (value) => (value ? null : t('validation.required')),
      reason: (value) => (value ? null : t('validation.required')),
      reasonNote: (value, values) => (values.reason === 'other' && !value.trim() ? t('validation.required') : value.length > 2000 ? intl.formatMessage({ id: 'validation.tooLong' }, { max: 2000 }) : null),
    },
  });

  const data = transfers.data;
  const pending = data?.items.find((item) => item.status === 'pending') ?? null;
  const past = data?.items.filter((item) => item.status !== 'pending') ?? [];
  const agencyName = (id: string | null) => data?.targets.find((target) => target.agencyId === id)?.agencyName ?? '';
  const refresh = (answer: NonNullable<typeof data>) => queryClient.setQueryData(handoverKeys.transfers(caseData.id), answer);
  const reasonLabel = (reason: string) => codeLabel(intl, 'handover.reason', reason);
  const readOnly = Boolean(caseData.mergedIntoCaseId) || caseData.status === 'Closed' || caseData.status === 'ClosedReferred';

  if (!data) return <ErrorAlert error={transfers.error} />;
  if (!data.canTransfer && data.items.length === 0) return null;
  return (
    <Stack data-testid="transfer-section">
      <Title order={3} size="h5">
        {t('handover.transfer.title')}
      </Title>
      {pending && (
        <Alert color="yellow" icon={<IconArrowsExchange aria-hidden />} data-testid="transfer-pending" data-id={pending.id}>
          <Stack gap="xs">
            <Text size="sm">
              {intl.formatMessage(
                { id: 'handover.transfer.pending' },
                { agency: <bdi key="agency">{pending.toAgencyName}</bdi>, date: formatMoment(intl, pending.requestedAt), reason: reasonLabel(pending.reason) },
              )}
            </Text>
            {pending.reasonNote && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {pending.reasonNote}
              </Text>
            )}
            {data.canTransfer && (
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => setCancelling(pending)} data-testid="transfer-cancel">
                  {t('handover.transfer.cancel')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {data.canTransfer && !pending && !readOnly && data.targets.length === 0 && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="transfer-no-targets">
          {t('handover.transfer.noTargets')}
        </Alert>
      )}
      {data.canTransfer && !pending && !readOnly && data.targets.length > 0 && (
        <form onSubmit={form.onSubmit((values) => setConfirming(values))} noValidate data-testid="transfer-form">
          <Stack>
            <Text size="sm" c="dimmed">
              {t('handover.transfer.help')}
            </Text>
            <Select
              label={t('handover.transfer.agency')}
              data={data.targets.map((target) => ({ value: target.agencyId, label: target.agencyName }))}
              required
              data-testid="transfer-agency"
              {...form.getInputProps('toAgencyId')}
            />
            <Select
              label={t('handover.transfer.reason')}
              data={codeOptions(intl, 'handover.reason', CASE_TRANSFER_REASONS)}
              required
              data-testid="transfer-reason"
              {...form.getInputProps('reason')}
            />
            <Textarea
              label={t('handover.transfer.note')}
              description={t('handover.transfer.noteHelp')}
              autosize
              minRows={2}
              maxLength={2000}
              required={form.getValues().reason === 'other'}
              data-testid="transfer-note"
              {...form.getInputProps('reasonNote')}
            />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconArrowsExchange size={16} aria-hidden />} data-testid="transfer-submit">
                {t('handover.transfer.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {past.length > 0 && (
        <Table striped data-testid="transfer-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handover.transfer.from')}</Table.Th>
              <Table.Th>{t('handover.transfer.to')}</Table.Th>
              <Table.Th>{t('handover.transfer.reason')}</Table.Th>
              <Table.Th>{t('handover.transfer.requestedAt')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {past.map((item) => (
              <Table.Tr key={item.id} data-testid="transfer-row" data-status={item.status}>
                <Table.Td>
                  <bdi>{item.fromAgencyName}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{item.toAgencyName}</bdi>
                </Table.Td>
                <Table.Td>{reasonLabel(item.reason)}</Table.Td>
                <Table.Td>{formatMoment(intl, item.requestedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[item.status]} variant="light">
                    {t(`handover.status.${item.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={t('handover.transfer.submit')}
        message={confirming ? intl.formatMessage({ id: 'handover.transfer.confirm' }, { caseNumber: caseData.caseNumber, agency: agencyName(confirming.toAgencyId) }) : ''}
        confirmLabel={t('handover.transfer.submit')}
        onConfirm={async () => {
          if (!confirming?.toAgencyId || !confirming.reason) return;
          const answer = await call(caseTransfersApi.request, {
            params: { id: caseData.id },
            body: { toAgencyId: confirming.toAgencyId, reason: confirming.reason, reasonNote: confirming.reasonNote.trim() || null },
          });
          refresh(answer);
          form.reset();
          notifications.show({ color: 'teal', message: t('handover.transfer.requested') });
        }}
        onClose={() => setConfirming(null)}
      />
      <ConfirmModal
        opened={cancelling !== null}
        title={t('handover.transfer.cancel')}
        message={cancelling ? intl.formatMessage({ id: 'handover.transfer.cancelConfirm' }, { agency: cancelling.toAgencyName }) : ''}
        confirmLabel={t('handover.transfer.cancel')}
        danger
        onConfirm={async () => {
          if (!cancelling) return;
          refresh(await call(caseTransfersApi.cancel, { params: { id: caseData.id, transferId: cancelling.id } }));
        }}
        onClose={() => setCancelling(null)}
      />
    </Stack>
  );
}
