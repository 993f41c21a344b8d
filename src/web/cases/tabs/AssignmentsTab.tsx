import { Button, Divider, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ConfirmModal } from '../../common/ConfirmModal';
import { caseKeys } from '../caseApi';
import { AssigneePicker } from '../handover/AssigneePicker';
import { TransferSection } from '../handover/TransferSection';
import { formatMoment } from '../labels';
import { TabEmpty } from './TabEmpty';

type Assignment = CaseDetail['assignments'][number];

/**
 * Who works the case: the people assigned to it (add one with the picker,
 * remove one after confirming), then handing the case over to another agency.
 * The case manager of record is shown with the context.
 */
export function AssignmentsTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const canAssign = caseData.allowedActions.includes('case.assign');
  const [removing, setRemoving] = useState<Assignment | null>(null);

  return (
    <Stack>
      <Title order={3} size="h5">
        {t('handover.assignees.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {intl.formatMessage({ id: 'cases.assignments.manager' }, { name: caseData.caseManagerName ?? '—' })}
      </Text>
      {canAssign && <AssigneePicker caseId={caseData.id} />}
      {caseData.assignments.length === 0 ? (
        <TabEmpty titleId="cases.assignments.empty" testId="assignments-empty" />
      ) : (
        <Table striped data-testid="assignments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.assignments.user')}</Table.Th>
              <Table.Th>{t('handover.agency')}</Table.Th>
              <Table.Th>{t('cases.assignments.since')}</Table.Th>
              {canAssign && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {caseData.assignments.map((a) => (
              <Table.Tr key={a.userId} data-testid="assignment-row" data-id={a.userId}>
                <Table.Td>
                  <bdi>{a.displayName}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{a.agencyName}</bdi>
                </Table.Td>
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
      <Divider my="sm" />
      <TransferSection caseData={caseData} />
      <ConfirmModal
        opened={removing !== null}
        title={t('cases.assignments.remove')}
        message={removing ? intl.formatMessage({ id: 'cases.assignments.removeConfirm' }, { name: removing.displayName }) : ''}
        confirmLabel={t('cases.assignments.remove')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await call(casesApi.unassign, { params: { id: caseData.id, userId: removing.userId } });
          queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseData.id), (old) =>
            old ? { ...old, assignments: old.assignments.filter((a) => a.userId !== removing.userId) } : old,
          );
          await queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseData.id, 'assignable-users') });
          notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'handover.assign.removed' }, { name: removing.displayName }) });
        }}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
