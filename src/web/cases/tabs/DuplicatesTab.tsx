import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ConfirmModal } from '../../common/ConfirmModal';
import { ErrorAlert } from '../../common/ErrorAlert';
import { caseKeys, useDuplicates, useMergeRequests, type MergeRequest } from '../caseApi';
import { DuplicateCandidates } from '../DuplicateCandidates';
import { CODE_PREFIX, codeLabel, formatMoment } from '../labels';
import { TabEmpty } from './TabEmpty';
import { TabLoading } from './TabLoading';

const MERGE_COLOR: Record<string, string> = { pending: 'blue', accepted: 'teal', declined: 'gray' };

/** Possible duplicates in other agencies, and the merge requests made or received about this case. */
export function DuplicatesTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const duplicates = useDuplicates(caseData.id);
  const requests = useMergeRequests(caseData.id);
  const [deciding, setDeciding] = useState<{ request: MergeRequest; decision: 'accept' | 'decline' } | null>(null);
  const pendingTargets = (requests.data?.items ?? []).filter((r) => r.status === 'pending' && r.sourceCaseId === caseData.id).map((r) => r.targetCaseId);

  return (
    <Stack>
      <Title order={2} size="h4">
        {t('cases.duplicates.title')}
      </Title>
      <ErrorAlert error={duplicates.error} />
      {duplicates.isPending ? (
        <TabLoading />
      ) : duplicates.data?.items.length === 0 ? (
        <TabEmpty titleId="cases.duplicates.empty" descriptionId="cases.duplicates.emptyHelp" testId="duplicates-empty" />
      ) : (
        <DuplicateCandidates
          caseId={caseData.id}
          candidates={duplicates.data?.items ?? []}
          canRequestMerge={caseData.allowedActions.includes('case.requestMerge')}
          pendingTargets={pendingTargets}
        />
      )}

      <Title order={2} size="h4" mt="md">
        {t('cases.merge.title')}
      </Title>
      <ErrorAlert error={requests.error} />
      {requests.isPending ? (
        <TabLoading />
      ) : requests.data?.items.length === 0 ? (
        <TabEmpty titleId="cases.merge.empty" testId="merge-requests-empty" />
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped data-testid="merge-requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.merge.source')}</Table.Th>
                <Table.Th>{t('cases.merge.target')}</Table.Th>
                <Table.Th>{t('cases.merge.requestedBy')}</Table.Th>
                <Table.Th>{t('cases.merge.requestedAt')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data?.items.map((r) => (
                <Table.Tr key={r.id} data-testid="merge-request-row" data-id={r.id} data-status={r.status}>
                  <Table.Td>
                    <bdi style={{ whiteSpace: 'nowrap' }}>{r.sourceCaseNumber}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi style={{ whiteSpace: 'nowrap' }}>{r.targetCaseNumber}</bdi>
                  </Table.Td>
                  <Table.Td>{r.requestingAgencyName}</Table.Td>
                  <Table.Td>{formatMoment(intl, r.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={MERGE_COLOR[r.status]}>
                      {codeLabel(intl, CODE_PREFIX.mergeStatus, r.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.canDecide && r.status === 'pending' && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" onClick={() => setDeciding({ request: r, decision: 'accept' })} data-testid="merge-accept">
                          {t('cases.merge.accept')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setDeciding({ request: r, decision: 'decline' })} data-testid="merge-decline">
                          {t('cases.merge.decline')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={deciding !== null}
        title={deciding ? t(`cases.merge.${deciding.decision}`) : ''}
        message={
          deciding
            ? intl.formatMessage({ id: `cases.merge.${deciding.decision}Confirm` }, { source: deciding.request.sourceCaseNumber, target: deciding.request.targetCaseNumber })
            : ''
        }
        confirmLabel={deciding ? t(`cases.merge.${deciding.decision}`) : ''}
        danger={deciding?.decision === 'accept'}
        onConfirm={async () => {
          if (!deciding) return;
          await call(deciding.decision === 'accept' ? casesApi.acceptMerge : casesApi.declineMerge, { params: { requestId: deciding.request.id } });
          // A merge changes both cases: refresh everything about this one.
          await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseData.id) });
          notifications.show({ color: 'teal', message: t('common.saved') });
        }}
        onClose={() => setDeciding(null)}
      />
    </Stack>
  );
}
