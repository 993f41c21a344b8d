import { Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { worklistsApi } from '../../shared/api/worklists';
import { call } from '../api/call';
import { hasPermission, useMe } from '../api/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { HomeTiles, type Tile } from './HomeTiles';

/**
 * The coordinator lands on pathway health: referrals waiting, time to acceptance, victims not yet
 * referred, consent overrides to review. Each figure opens what it counts, de-identified (the
 * coordinator sees no identity): referrals without their case, counts per agency, the overrides.
 */
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
  const label = (id: string) => intl.formatMessage({ id: `worklist.health.${id}` });
  const waiting = h.waitingByUrgency.emergency + h.waitingByUrgency.urgent + h.waitingByUrgency.routine;
  const average = h.acceptance.averageMinutes === null ? '—' : intl.formatNumber(h.acceptance.averageMinutes / 60, { maximumFractionDigits: 1 });
  const tiles: Tile[] = [
    {
      id: 'waiting',
      label: label('waiting'),
      value: intl.formatNumber(waiting),
      detail: intl.formatMessage({ id: 'worklist.health.waitingDetail' }, { emergency: h.waitingByUrgency.emergency, urgent: h.waitingByUrgency.urgent, routine: h.waitingByUrgency.routine }),
      to: '/oversight/referrals?state=waiting',
    },
    { id: 'overdue', label: label('overdue'), value: intl.formatNumber(h.overdueWaiting), alert: h.overdueWaiting > 0, to: '/oversight/referrals?state=overdue' },
    {
      id: 'acceptance',
      label: label('acceptance'),
      value: average,
      detail: intl.formatMessage({ id: 'worklist.health.acceptanceDetail' }, { count: h.acceptance.accepted, days: h.acceptance.sinceDays }),
      to: '/oversight/referrals?state=accepted',
    },
    { id: 'notReferred', label: label('notReferred'), value: intl.formatNumber(h.victimsNotReferred), alert: h.victimsNotReferred > 0, to: '/oversight/not-referred' },
    { id: 'overrides', label: label('overrides'), value: intl.formatNumber(h.overridesPendingReview), alert: h.overridesPendingReview > 0, to: '/oversight/overrides?pending=true' },
  ];
  return <HomeTiles tiles={tiles} testId="worklist-national_coordinator" />;
}
