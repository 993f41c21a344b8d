import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { caseTransfersApi, type IncomingTransfer } from '../../../shared/api/caseTransfers';
import { call } from '../../api/call';
import { hasPermission, useMe } from '../../api/session';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { caseKeys } from '../caseApi';
import { codeLabel, formatMoment } from '../labels';
import { handoverKeys, useIncomingTransfers } from './handoverApi';

type Decision = { transfer: IncomingTransfer; accept: boolean };

/**
 * The home page's list of cases other agencies ask the reader's agency to take
 * over: case number, sender, reason and date only (no identity before it is
 * accepted). Accepting opens the case, now the agency's; both answers are confirmed.
 * Nothing is shown while nothing waits.
 */
export function IncomingTransfers() {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const me = useMe().data;
  const incoming = useIncomingTransfers(hasPermission(me, 'case.acceptTransfer'));
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const items = incoming.data?.items ?? [];

  if (incoming.error) return <ErrorAlert error={incoming.error} />;
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="home-incoming-transfers" data-testid="incoming-transfers">
      <Title order={2} size="h4" id="home-incoming-transfers" mb="xs">
        {t('handover.incoming.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('handover.incoming.help')}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('handover.incoming.case')}</Table.Th>
            <Table.Th>{t('handover.transfer.from')}</Table.Th>
            <Table.Th>{t('handover.transfer.reason')}</Table.Th>
            <Table.Th>{t('handover.transfer.requestedAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="incoming-transfer" data-case-number={item.caseNumber}>
              <Table.Td>
                <Text span ff="monospace" size="sm" dir="ltr">
                  {item.caseNumber}
                </Text>
              </Table.Td>
              <Table.Td>
                <bdi>{item.fromAgencyName}</bdi>
              </Table.Td>
              <Table.Td>{codeLabel(intl, 'handover.reason', item.reason)}</Table.Td>
              <Table.Td>{formatMoment(intl, item.requestedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" onClick={() => setDeciding({ transfer: item, accept: true })} data-testid="incoming-transfer-accept">
                    {t('handover.incoming.accept')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDeciding({ transfer: item, accept: false })} data-testid="incoming-transfer-decline">
                    {t('handover.incoming.decline')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={deciding !== null}
        title={deciding ? t(deciding.accept ? 'handover.incoming.accept' : 'handover.incoming.decline') : ''}
        message={
          deciding
            ? intl.formatMessage(
                { id: deciding.accept ? 'handover.incoming.acceptConfirm' : 'handover.incoming.declineConfirm' },
                { caseNumber: deciding.transfer.caseNumber, agency: deciding.transfer.fromAgencyName },
              )
            : ''
        }
        confirmLabel={deciding ? t(deciding.accept ? 'handover.incoming.accept' : 'handover.incoming.decline') : ''}
        danger={deciding ? !deciding.accept : false}
        onConfirm={async () => {
          if (!deciding) return;
          const { transfer, accept } = deciding;
          if (accept) {
            const { caseId } = await call(caseTransfersApi.accept, { params: { transferId: transfer.id } });
            await queryClient.invalidateQueries({ queryKey: caseKeys.all });
            notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'handover.incoming.accepted' }, { caseNumber: transfer.caseNumber }) });
            void navigate(`/cases/${caseId}`);
          } else {
            await call(caseTransfersApi.decline, { params: { transferId: transfer.id } });
            notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'handover.incoming.declined' }, { caseNumber: transfer.caseNumber }) });
          }
          await queryClient.invalidateQueries({ queryKey: handoverKeys.incoming });
          await queryClient.invalidateQueries({ queryKey: ['worklist'] });
        }}
        onClose={() => setDeciding(null)}
      />
    </Paper>
  );
}

