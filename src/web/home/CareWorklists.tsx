import { Badge, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { casesApi } from '../../shared/api/cases';
import { referralsApi } from '../../shared/api/referrals';
import { worklistsApi } from '../../shared/api/worklists';
import { hasPermission, useMe } from '../api/session';
import { optionalMessage } from '../i18n/optionalMessage';
import { MyShelters } from '../providers/MyShelters';
import { useCaseWorkRows } from './caseWorkRows';
import { HomeTiles, type Tile } from './HomeTiles';
import { useCaseRows } from './ReportWorklists';
import { WorkBlock, type WorkRow } from './WorkRows';
import { allEmpty, useWorkQuery } from './useWorkQuery';

const mono = (text: string) => (
  <Text span ff="monospace" size="sm" dir="ltr">
    {text}
  </Text>
);

/**
 * A case manager lands on their cases, overdue items first: the work list when the role has it
 * (two tiles, open cases and those with something overdue, each opening the full list with that
 * filter), otherwise the (scoped) case list.
 */
export function CaseManagerWorklist({ empty }: { empty: ReactNode }) {
  const intl = useIntl();
  const me = useMe().data;
  const withOverdue = hasPermission(me, 'worklist.caseManager');
  const plain = !withOverdue && hasPermission(me, 'case.list');
  const work = useWorkQuery('case-manager', worklistsApi.caseManager, {}, withOverdue);
  const cases = useWorkQuery('my-cases', casesApi.list, {}, plain);
  const caseRows = useCaseRows(cases.data?.items);
  const workRows = useCaseWorkRows(work.data?.items);
  const query = withOverdue ? work : cases;
  const rows = withOverdue ? workRows : caseRows;
  const total = query.data?.total ?? 0;
  if (!(withOverdue || plain) || allEmpty([{ enabled: true, isSuccess: query.isSuccess, total }])) return <>{empty}</>;
  const tiles: Tile[] = work.data
    ? [
        { id: 'open', label: intl.formatMessage({ id: 'worklist.tile.open' }), value: intl.formatNumber(work.data.openTotal), to: '/worklist/cases' },
        {
          id: 'overdue',
          label: intl.formatMessage({ id: 'worklist.tile.overdue' }),
          value: intl.formatNumber(work.data.overdueTotal),
          alert: work.data.overdueTotal > 0,
          to: '/worklist/cases?overdue=true',
        },
      ]
    : [];
  return (
    <Stack data-testid="worklist-case_manager">
      {tiles.length > 0 && <HomeTiles tiles={tiles} testId="worklist-case_manager-tiles" />}
      <WorkBlock titleId="worklist.myCases" query={query} total={total} rows={rows} allTo={withOverdue ? '/worklist/cases' : '/cases'} testId="worklist-block-my-cases" />
    </Stack>
  );
}

/** A shelter or service lands on referrals waiting for its answer, then its beds. */
export function ServiceProviderWorklist({ empty }: { empty: ReactNode }) {
  const intl = useIntl();
  const me = useMe().data;
  const enabled = hasPermission(me, 'referral.list');
  const incoming = useWorkQuery('incoming-referrals', referralsApi.list, { direction: 'incoming', status: 'sent' }, enabled);
  const rows: WorkRow[] = (incoming.data?.items ?? []).map((r) => ({
    id: r.id,
    to: `/referrals/${r.id}`,
    primary: mono(r.reference),
    secondary: `${optionalMessage(intl, `serviceType.${r.serviceType}`, r.serviceType)} · ${r.referringAgencyName}`,
    badges: (
      <>
        {r.overdue && (
          <Badge size="sm" color="red">
            {intl.formatMessage({ id: 'worklist.late' })}
          </Badge>
        )}
        <Badge size="sm" variant="light" color={r.urgency === 'emergency' ? 'red' : r.urgency === 'urgent' ? 'orange' : 'gray'}>
          {optionalMessage(intl, `referralUrgency.${r.urgency}`, r.urgency)}
        </Badge>
      </>
    ),
  }));
  const noReferrals = !enabled || allEmpty([{ enabled, isSuccess: incoming.isSuccess, total: incoming.data?.total ?? 0 }]);
  return (
    <Stack data-testid="worklist-service_provider">
      {noReferrals ? empty : <WorkBlock titleId="worklist.incomingReferrals" query={incoming} total={incoming.data?.total ?? 0} rows={rows} allTo="/referrals?direction=incoming&status=sent" testId="worklist-block-incoming" />}
      <MyShelters />
    </Stack>
  );
}
