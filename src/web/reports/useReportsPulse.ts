import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { reportsApi } from '../../shared/api/reports';
import { call } from '../api/call';

/**
 * How often an open queue asks whether a report arrived or changed. The answer
 * is a content-free mark (no audit row per poll); only when it moves is the
 * audited list fetched again. Paused while the tab is hidden, asked on return.
 */
export const REPORTS_PULSE_MS = 10_000;

/** Queries that show reports: the queue and report pages (`['reports', …]`) and the home work lists. */
function showsReports(queryKey: readonly unknown[]): boolean {
  if (queryKey[0] === 'reports') return queryKey[1] !== 'dispatch-targets';
  return queryKey[0] === 'worklist' && typeof queryKey[1] === 'string' && queryKey[1].endsWith('-reports');
}

/** Keeps every report view on the page current without a reload while it is mounted. */
export function useReportsPulse(enabled = true) {
  const queryClient = useQueryClient();
  const pulse = useQuery({
    queryKey: ['reports-pulse'],
    queryFn: () => call(reportsApi.pulse),
    refetchInterval: REPORTS_PULSE_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    enabled,
  });
  const mark = pulse.data?.mark;
  const previous = useRef(mark);
  useEffect(() => {
    if (mark === undefined || mark === previous.current) return;
    const first = previous.current === undefined;
    previous.current = mark;
    // The first mark is where the page starts, not a change.
    if (!first) void queryClient.invalidateQueries({ predicate: (query) => showsReports(query.queryKey) });
  }, [mark, queryClient]);
}
