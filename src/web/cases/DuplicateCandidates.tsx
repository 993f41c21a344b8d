import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { casesApi, type DuplicateCandidate } from '../../shared/api/cases';
import { call } from '../api/call';
import { ConfirmModal } from '../common/ConfirmModal';
import { caseKeys } from './caseApi';
import { CODE_PREFIX, codeLabel } from './labels';

interface DuplicateCandidatesProps {
  caseId: string;
  candidates: readonly DuplicateCandidate[];
  canRequestMerge: boolean;
  /** Target cases that already have a pending request from this case. */
  pendingTargets?: readonly string[];
}

/** Where the candidates are held, as the warning must say it: the search covers every agency, the reader's own included. */
export type DuplicatesWhere = 'own' | 'other' | 'both';

/** Whether the candidates are all in the reader's agency, all elsewhere, or both. */
export function duplicatesWhere(candidates: readonly Pick<DuplicateCandidate, 'ownAgency'>[]): DuplicatesWhere {
  const own = candidates.some((c) => c.ownAgency);
  const other = candidates.some((c) => !c.ownAgency);
  return own && other ? 'both' : own ? 'own' : 'other';
}

/**
 * The warning above a list of possible duplicates, worded after where they are held
 * (never "other agencies" for a case of the reader's own agency) with what to do:
 * merge within the agency, or ask the agency that holds the other case.
 */
export function DuplicatesNotice({ candidates, withHelp = true }: { candidates: readonly DuplicateCandidate[]; withHelp?: boolean }) {
  const intl = useIntl();
  const where = duplicatesWhere(candidates);
  return (
    <div data-testid="duplicates-notice" data-where={where}>
      <Text fw={600}>{intl.formatMessage({ id: `caseOverview.duplicates.${where}` }, { count: candidates.length })}</Text>
      {withHelp && (
        <Text size="sm" c="dimmed">
          {intl.formatMessage({ id: `caseOverview.duplicates.help.${where}` })}
        </Text>
      )}
    </div>
  );
}

/**
 * Possible duplicates, in the reader's agency or others: case number, owner and why they
 * match. Identities are never shown here, even when the reader could open the case.
 */
export function DuplicateCandidates({ caseId, candidates, canRequestMerge, pendingTargets = [] }: DuplicateCandidatesProps) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const [target, setTarget] = useState<DuplicateCandidate | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table data-testid="duplicate-candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.column.number')}</Table.Th>
              <Table.Th>{t('cases.column.owner')}</Table.Th>
              <Table.Th>{t('cases.duplicates.reasons')}</Table.Th>
              {canRequestMerge && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((candidate) => (
              <Table.Tr key={candidate.caseId} data-testid="duplicate-candidate" data-id={candidate.caseId} data-number={candidate.caseNumber}>
                <Table.Td>
                  {candidate.canRead ? (
                    <Anchor component={Link} to={`/cases/${candidate.caseId}`} style={{ whiteSpace: 'nowrap' }}>
                      <bdi>{candidate.caseNumber}</bdi>
                    </Anchor>
                  ) : (
                    <bdi style={{ whiteSpace: 'nowrap' }}>{candidate.caseNumber}</bdi>
                  )}
                </Table.Td>
                <Table.Td>{candidate.ownerAgencyName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {candidate.reasons.map((reason) => (
                      <Badge key={reason} variant="light" color="orange" size="sm">
                        {codeLabel(intl, CODE_PREFIX.matchReason, reason)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {canRequestMerge && (
                  <Table.Td>
                    {pendingTargets.includes(candidate.caseId) ? (
                      <Badge variant="light">{codeLabel(intl, CODE_PREFIX.mergeStatus, 'pending')}</Badge>
                    ) : (
                      <Button size="xs" variant="light" leftSection={<IconGitMerge size={14} aria-hidden />} onClick={() => setTarget(candidate)} data-testid="duplicate-request-merge">
                        {t('cases.duplicates.requestMerge')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={target !== null}
        title={t('cases.duplicates.requestMerge')}
        message={target ? intl.formatMessage({ id: 'cases.duplicates.requestMergeConfirm' }, { number: target.caseNumber, agency: target.ownerAgencyName }) : ''}
        confirmLabel={t('cases.duplicates.requestMerge')}
        onConfirm={async () => {
          if (!target) return;
          await call(casesApi.requestMerge, { params: { id: caseId }, body: { targetCaseId: target.caseId } });
          await queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseId, 'merge-requests') });
          notifications.show({ color: 'teal', message: t('cases.duplicates.requested') });
        }}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
