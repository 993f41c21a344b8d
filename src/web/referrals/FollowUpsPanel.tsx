import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../shared/api/cases';
import { careApi, type FollowUp } from '../../shared/api/care';
import { call } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';
import { CaseDatesProvider, DayInput } from '../cases/CaseDates';
import { formatDay, formatMoment } from '../cases/labels';
import { referralKeys, useCareItems } from './referralApi';
import { useCareAccess } from './useCareAccess';

/** Follow-ups with due dates: overdue ones stand out and raise a notification to their assignee. */
export function FollowUpsPanel({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const queryClient = useQueryClient();
  const may = useCareAccess(caseData)('followUp.manage');
  const followUps = useCareItems(caseData.id, 'follow-ups');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = (items: FollowUp[]) => queryClient.setQueryData(referralKeys.caseRecords(caseData.id, 'follow-ups'), { items });
  const run = async (action: () => Promise<{ items: FollowUp[] }>) => {
    setBusy(true);
    setError(null);
    try {
      save((await action()).items);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack data-testid="case-follow-ups">
      <ErrorAlert error={error} />
      {may && (
        <CaseDatesProvider>
          <Group align="flex-end">
            <DayInput label={t('followUp.dueDate')} value={dueDate} onChange={setDueDate} clearable data-testid="follow-up-due" />
            <TextInput label={t('followUp.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} data-testid="follow-up-purpose" />
            <Button
              loading={busy}
              disabled={!dueDate || !purpose.trim()}
              onClick={async () => {
                if (dueDate && (await run(() => call(careApi.createFollowUp, { params: { id: caseData.id }, body: { dueDate, purpose: purpose.trim() } })))) {
                  setDueDate(null);
                  setPurpose('');
                }
              }}
              data-testid="follow-up-add"
            >
              {t('followUp.add')}
            </Button>
          </Group>
        </CaseDatesProvider>
      )}
      {followUps.data?.items.length === 0 ? (
        <Text c="dimmed">{t('followUp.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followUp.dueDate')}</Table.Th>
              <Table.Th>{t('followUp.purpose')}</Table.Th>
              <Table.Th>{t('followUp.assignee')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(followUps.data?.items ?? []).map((f) => (
              <Table.Tr key={f.id} data-testid="follow-up-row" data-overdue={f.overdue ? 'true' : 'false'}>
                <Table.Td>{formatDay(intl, f.dueDate)}</Table.Td>
                <Table.Td>{f.purpose}</Table.Td>
                <Table.Td>{f.assigneeName ?? '—'}</Table.Td>
                <Table.Td>
                  {f.doneAt ? (
                    <Badge color="green" variant="light">{intl.formatMessage({ id: 'followUp.doneOn' }, { date: formatMoment(intl, f.doneAt) })}</Badge>
                  ) : (
                    <Group gap={4}>
                      {f.overdue && <Badge color="red">{t('followUp.overdue')}</Badge>}
                      {may && (
                        <Button size="xs" variant="light" onClick={() => void run(() => call(careApi.completeFollowUp, { params: { id: caseData.id, followUpId: f.id }, body: { outcomeNote: null } }))} data-testid="follow-up-done">
                          {t('followUp.markDone')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
