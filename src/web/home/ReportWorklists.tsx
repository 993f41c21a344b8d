import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type CaseListItem } from '../../shared/api/cases';
import { reportsApi, type ReportSummary } from '../../shared/api/reports';
import { screeningsApi } from '../../shared/api/screening';
import { hasPermission, useMe } from '../api/session';
import { ChildBadge } from '../cases/CaseBadges';
import { ReflectionEnd } from '../cases/reflection';
import { optionalMessage } from '../i18n/optionalMessage';
import { URGENCY_COLOR } from '../reports/labels';
import { useReportsPulse } from '../reports/useReportsPulse';
import { WorkBlock, type WorkRow } from './WorkRows';
import { allEmpty, useWorkQuery } from './useWorkQuery';

/** Risk levels that need attention stand out. */
const RISK_COLOR: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

const mono = (text: string) => (
  <Text span ff="monospace" size="sm" dir="ltr">
    {text}
  </Text>
);

/** Report lines, most urgent first (the server sorts), flagged while an emergency waits for its acknowledgement. */
function useReportRows(items: ReportSummary[] | undefined): WorkRow[] {
  const intl = useIntl();
  const ack = intl.formatMessage({ id: 'reports.awaitingAck' });
  return (items ?? []).map((report) => ({
    id: report.id,
    to: `/reports/${report.id}`,
    primary: mono(report.reference),
    secondary: `${intl.formatMessage({ id: `report.kind.${report.kind}` })} · ${intl.formatDate(report.receivedAt, { dateStyle: 'short', timeStyle: 'short' })}`,
    badges: (
      <>
        {report.awaitingAcknowledgement && (
          <Tooltip label={ack}>
            <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-label={ack} />
          </Tooltip>
        )}
        <Badge size="sm" color={URGENCY_COLOR[report.urgency]} variant={report.urgency === 'immediate_danger' ? 'filled' : 'light'}>
          {intl.formatMessage({ id: `report.urgency.${report.urgency}` })}
        </Badge>
      </>
    ),
  }));
}

/** The hotline lands on its open reports, most urgent first. */
export function HotlineWorklist({ empty }: { empty: ReactNode }) {
  const me = useMe().data;
  const enabled = hasPermission(me, 'report.list');
  const reports = useWorkQuery('hotline-reports', reportsApi.list, { status: 'open' }, enabled);
  // A report from the public appears here without a reload.
  useReportsPulse(enabled);
  const rows = useReportRows(reports.data?.items);
  if (!enabled || allEmpty([{ enabled, isSuccess: reports.isSuccess, total: reports.data?.total ?? 0 }])) return <>{empty}</>;
  return (
    <Stack data-testid="worklist-hotline_operator">
      <WorkBlock titleId="worklist.openReports" query={reports} total={reports.data?.total ?? 0} rows={rows} allTo="/reports?status=open" testId="worklist-block-reports" />
    </Stack>
  );
}

/**
 * A first responder lands on the reports dispatched to the agency (emergencies
 * to acknowledge first), then the agency's screenings and active cases.
 */
export function FirstResponderWorklist({ empty }: { empty: ReactNode }) {
  const intl = useIntl();
  const me = useMe().data;
  const can = (permission: string) => hasPermission(me, permission);
  const reports = useWorkQuery('responder-reports', reportsApi.list, { status: 'open' }, can('report.list'));
  // An emergency dispatched to the agency appears here without a reload.
  useReportsPulse(can('report.list'));
  const screenings = useWorkQuery('responder-screenings', screeningsApi.list, {}, can('screening.list'));
  const cases = useWorkQuery('responder-cases', casesApi.list, { status: 'Active' }, can('case.list'));
  const reportRows = useReportRows(reports.data?.items);
  const screeningRows: WorkRow[] = (screenings.data?.items ?? []).map((s) => ({
    id: s.id,
    to: `/screenings/${s.id}`,
    primary: mono(s.reference),
    secondary: intl.formatDate(`${s.screenedOn.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    badges: (
      <Badge size="sm" variant="light">
        {intl.formatMessage({ id: `screening.outcome.${s.outcome ?? s.suggestedOutcome}` })}
      </Badge>
    ),
  }));
  const caseRows = useCaseRows(cases.data?.items);
  const states = [
    { enabled: can('report.list'), isSuccess: reports.isSuccess, total: reports.data?.total ?? 0 },
    { enabled: can('screening.list'), isSuccess: screenings.isSuccess, total: screenings.data?.total ?? 0 },
    { enabled: can('case.list'), isSuccess: cases.isSuccess, total: cases.data?.total ?? 0 },
  ];
  if (allEmpty(states)) return <>{empty}</>;
  return (
    <Stack data-testid="worklist-first_responder">
      {can('report.list') && <WorkBlock titleId="worklist.dispatched" query={reports} total={reports.data?.total ?? 0} rows={reportRows} allTo="/reports?status=open" testId="worklist-block-dispatches" />}
      {can('screening.list') && <WorkBlock titleId="worklist.screenings" query={screenings} total={screenings.data?.total ?? 0} rows={screeningRows} allTo="/screenings" testId="worklist-block-screenings" />}
      {can('case.list') && <WorkBlock titleId="worklist.agencyCases" query={cases} total={cases.data?.total ?? 0} rows={caseRows} allTo="/cases?status=Active" testId="worklist-block-cases" />}
    </Stack>
  );
}

/** Case lines: number, status, and the reflection period's end when there is one. */
export function useCaseRows(items: CaseListItem[] | undefined): WorkRow[] {
  const intl = useIntl();
  return (items ?? []).map((c) => ({
    id: c.id,
    to: `/cases/${c.id}`,
    primary: mono(c.caseNumber),
    secondary: c.reflectionEnd ? (
      <ReflectionEnd end={c.reflectionEnd} />
    ) : (
      intl.formatMessage({ id: 'worklist.openedOn' }, { date: intl.formatDate(`${c.openedAt.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) })
    ),
    badges: (
      <>
        <ChildBadge isMinor={c.isMinor} size="sm" />
        {c.riskLevel && (
          <Badge size="sm" color={RISK_COLOR[c.riskLevel] ?? 'gray'} variant="light">
            {optionalMessage(intl, `riskLevel.${c.riskLevel}`, c.riskLevel)}
          </Badge>
        )}
        <Badge size="sm" variant="outline">
          {optionalMessage(intl, `caseStatus.${c.status}`, c.status)}
        </Badge>
      </>
    ),
  }));
}
