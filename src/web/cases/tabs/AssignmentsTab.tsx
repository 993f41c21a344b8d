import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { useMe } from '../../api/session';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { caseKeys } from '../caseApi';
import { formatMoment } from '../labels';
import { TabEmpty } from './TabEmpty';

type Assignment = CaseDetail['assignments'][number];

/** Who works the case besides its owner agency; the case manager of record is shown with the context. */
export function AssignmentsTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const canAssign = caseData.allowedActions.includes('case.assign');
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const assignedToMe = caseData.assignments.some((a) => a.userId === me?.user.id);

  const replaceAssignments = (assignments: Assignment[]) =>
    queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseData.id), (old) => (old ? { ...old, assignments } : old));

  // No user directory is open to case workers, so the one assignment offered here is oneself.
  const assignMe = async () => {
    if (!me) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call(casesApi.assign, { params: { id: caseData.id }, body: { userId: me.user.id } });
      replaceAssignments(result.assignments);
      notifications.show({ color: 'teal', message: t('cases.assignments.assigned') });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {intl.formatMessage({ id: 'cases.assignments.manager' }, { name: caseData.caseManagerName ?? '—' })}
      </Text>
      {canAssign && !assignedToMe && (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} loading={busy} onClick={assignMe} data-testid="assignment-assign-me">
            {t('cases.assignments.assignMe')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      {caseData.assignments.length === 0 ? (
        <TabEmpty titleId="cases.assignments.empty" testId="assignments-empty" />
      ) : (
        <Table striped data-testid="assignments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.assignments.user')}</Table.Th>
              <Table.Th>{t('cases.column.owner')}</Table.Th>
              <Table.Th>{t('cases.assignments.since')}</Table.Th>
              {canAssign && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {caseData.assignments.map((a) => (
              <Table.Tr key={a.userId} data-testid="assignment-row" data-id={a.userId}>
                <Table.Td>{a.displayName}</Table.Td>
                <Table.Td>{a.agencyName}</Table.Td>
                <Table.Td>{formatMoment(intl, a.assignedAt)}</Table.Td>
                {canAssign && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(a)} data-testid="assignment-remove">
                      {t('cases.assignments.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('cases.assignments.remove')}
        message={removing ? intl.formatMessage({ id: 'cases.assignments.removeConfirm' }, { name: removing.displayName }) : ''}
        confirmLabel={t('cases.assignments.remove')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await call(casesApi.unassign, { params: { id: caseData.id, userId: removing.userId } });
          replaceAssignments(caseData.assignments.filter((a) => a.userId !== removing.userId));
        }}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
