import { Badge, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { casesApi } from '../../shared/api/cases';
import { referralsApi } from '../../shared/api/referrals';
import { worklistsApi } from '../../shared/api/worklists';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { optionalMessage } from '../i18n/optionalMessage';
import { MyShelters } from '../providers/MyShelters';
import { useCaseRows } from './ReportWorklists';
import { WorkBlock, type WorkRow } from './WorkRows';
import { allEmpty, useWorkQuery } from './useWorkQuery';

const mono = (text: string) => (
  <Text span ff="monospace" size="sm" dir="ltr">
    {text}
  </Text>
);

/**
 * A case manager lands on their cases, overdue items first: the work list
 * when the role has it, otherwise the (scoped) case list.
 */
export function CaseManagerWorklist({ empty }: { empty: ReactNode }) {
  const intl = useIntl();
  const me = useMe().data;
  const withOverdue = hasPermission(me, 'worklist.caseManager');
  const plain = !withOverdue && hasPermission(me, 'case.list');
  const work = useWorkQuery('case-manager', worklistsApi.caseManager, {}, withOverdue);
  const cases = useWorkQuery('my-cases', casesApi.list, {}, plain);
  const caseRows = useCaseRows(cases.data?.items);
  const day = (value: string) => intl.formatDate(`${value.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  const workRows: WorkRow[] = (work.data?.items ?? []).map((item) => {
    const overdue = item.overdueFollowUps + item.overdueReferrals;
    return {
      id: item.caseId,
      to: `/cases/${item.caseId}`,
      primary: mono(item.caseNumber),
      secondary: item.nextFollowUpDue
        ? intl.formatMessage({ id: 'worklist.nextFollowUp' }, { date: day(item.nextFollowUpDue) })
        : intl.formatMessage({ id: 'worklist.openReferrals' }, { count: item.openReferrals }),
      badges: (
        <>
          {overdue > 0 && (
            <Badge size="sm" color="red" data-testid="worklist-overdue">
              {intl.formatMessage({ id: 'worklist.overdue' }, { count: overdue })}
            </Badge>
          )}
          <Badge size="sm" variant="outline">
            {optionalMessage(intl, `caseStatus.${item.status}`, item.status)}
          </Badge>
        </>
      ),
    };
  });
  const query = withOverdue ? work : cases;
  const rows = withOverdue ? workRows : caseRows;
  const total = query.data?.total ?? 0;
  if (!(withOverdue || plain) || allEmpty([{ enabled: true, isSuccess: query.isSuccess, total }])) return <>{empty}</>;
  return (
    <Stack data-testid="worklist-case_manager">
      <WorkBlock titleId="worklist.myCases" query={query} total={total} rows={rows} allTo="/cases" testId="worklist-block-my-cases" />
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
      {noReferrals ? empty : <WorkBlock titleId="worklist.incomingReferrals" query={incoming} total={incoming.data?.total ?? 0} rows={rows} allTo="/referrals" testId="worklist-block-incoming" />}
      <MyShelters />
    </Stack>
  );
}

/** The coordinator lands on pathway health: referrals waiting, time to acceptance, victims not yet referred. */
export function CoordinatorWorklist({ empty }: { empty: ReactNode }) {
  const intl = useIntl();
  const me = useMe().data;
  const enabled = hasPermission(me, 'worklist.pathwayHealth');
  const health = useQuery({
    queryKey: ['worklist', 'pathway-health'],
    queryFn: () => call(worklistsApi.pathwayHealth),
    enabled,
    staleTime: 60_000,
  });
  if (!enabled) return <>{empty}</>;
  if (health.isPending) return <Skeleton height={120} radius="sm" />;
  if (health.error || !health.data) return <ErrorAlert error={health.error} />;
  const h = health.data;
  const waiting = h.waitingByUrgency.emergency + h.waitingByUrgency.urgent + h.waitingByUrgency.routine;
  const average = h.acceptance.averageMinutes === null ? '—' : intl.formatNumber(h.acceptance.averageMinutes / 60, { maximumFractionDigits: 1 });
  const stats: { id: string; value: string; detail?: string; alert?: boolean }[] = [
    {
      id: 'waiting',
      value: intl.formatNumber(waiting),
      detail: intl.formatMessage({ id: 'worklist.health.waitingDetail' }, { emergency: h.waitingByUrgency.emergency, urgent: h.waitingByUrgency.urgent, routine: h.waitingByUrgency.routine }),
    },
    { id: 'overdue', value: intl.formatNumber(h.overdueWaiting), alert: h.overdueWaiting > 0 },
    { id: 'acceptance', value: average, detail: intl.formatMessage({ id: 'worklist.health.acceptanceDetail' }, { count: h.acceptance.accepted, days: h.acceptance.sinceDays }) },
    { id: 'notReferred', value: intl.formatNumber(h.victimsNotReferred), alert: h.victimsNotReferred > 0 },
    { id: 'overrides', value: intl.formatNumber(h.overridesPendingReview), alert: h.overridesPendingReview > 0 },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="worklist-national_coordinator">
      {stats.map((stat) => (
        <Paper key={stat.id} withBorder p="sm" radius="sm" data-testid="worklist-row" data-id={stat.id}>
          <Text size="xs" c="dimmed">
            {intl.formatMessage({ id: `worklist.health.${stat.id}` })}
          </Text>
          <Text size="xl" fw={700} c={stat.alert ? 'red.7' : undefined}>
            {stat.value}
          </Text>
          {stat.detail && (
            <Text size="xs" c="dimmed">
              {stat.detail}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
