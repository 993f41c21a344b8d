import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarTime } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { formatDay } from './labels';

/** Where a case's reflection and recovery period stands on a given day. */
export type ReflectionState = 'none' | 'running' | 'endingSoon' | 'ended';

/** Today as the calendar day the case dates are written in (`YYYY-MM-DD`, the reader's local day). */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The period's state: ended once its last day is past (the end day itself still
 * counts), ending soon within its alert window, else running. Days compare as
 * `YYYY-MM-DD` strings, so no time zone moves a day.
 */
export function reflectionState(end: string | null, alertDays: number, today = localDay()): ReflectionState {
  if (!end) return 'none';
  const last = end.slice(0, 10);
  if (last < today) return 'ended';
  const alertFrom = new Date(`${last}T00:00:00Z`);
  alertFrom.setUTCDate(alertFrom.getUTCDate() - alertDays);
  return alertFrom.toISOString().slice(0, 10) <= today ? 'endingSoon' : 'running';
}

const COLOR: Record<ReflectionState, string | undefined> = { none: undefined, running: undefined, endingSoon: 'orange', ended: 'red' };

/** The period's end as a short line: "ends on" while it runs, "ended on" in a warning colour once past. */
export function ReflectionEnd({ end, alertDays = 0, size = 'sm' }: { end: string | null; alertDays?: number; size?: string }) {
  const intl = useIntl();
  const state = reflectionState(end, alertDays);
  if (state === 'none') return null;
  return (
    <Text span size={size} c={COLOR[state] ?? 'dimmed'} fw={state === 'ended' ? 600 : undefined} data-testid="reflection-end" data-state={state}>
      {intl.formatMessage({ id: state === 'ended' ? 'caseOverview.reflection.ended' : 'caseOverview.reflection.ends' }, { date: formatDay(intl, end) })}
    </Text>
  );
}

/** The header's alert for an open case: ending soon in orange, ended in red (never "ends on" for a past day). */
export function ReflectionAlert({ end, alertDays, closed }: { end: string | null; alertDays: number; closed: boolean }) {
  const intl = useIntl();
  const state = reflectionState(end, alertDays);
  if (closed || (state !== 'endingSoon' && state !== 'ended')) return null;
  const ended = state === 'ended';
  return (
    <Alert color={ended ? 'red' : 'orange'} icon={ended ? <IconAlertTriangle aria-hidden /> : <IconCalendarTime aria-hidden />} data-testid="case-reflection-alert" data-state={state}>
      {intl.formatMessage({ id: ended ? 'caseOverview.reflection.endedAlert' : 'cases.header.reflectionEnding' }, { date: formatDay(intl, end) })}
    </Alert>
  );
}
