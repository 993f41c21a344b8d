import { sql } from 'drizzle-orm';
import { ACCEPTANCE_WINDOW_DAYS, type PathwayHealth } from '@shared/api/worklists.js';
import type { Db, Tx } from '../db/database.js';
import { dueAtExpression, loadReferralSettings } from '../referrals/referral-settings.js';

export { ACCEPTANCE_WINDOW_DAYS };

/**
 * A victim not yet referred (over `cases c`): an open, unmerged case whose trafficking status is
 * presumed or identified and that has no referral other than declined or cancelled ones. The tile
 * counts it; the breakdown behind the tile (national-oversight.ts) groups the same cases by agency.
 */
export const NOT_YET_REFERRED = sql`c.trafficking_status IN ('presumed', 'identified') AND c.merged_into_case_id IS NULL AND c.status IN ('Active', 'FollowUp')
       AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.status NOT IN ('declined', 'cancelled'))`;

/**
 * The coordinator's pathway health, national, as counts only (set-based: one
 * aggregate query per figure group, no row ever leaves the database).
 * "Victims not yet referred": NOT_YET_REFERRED.
 */
export async function pathwayHealthFigures(tx: Tx | Db, now: Date): Promise<PathwayHealth> {
  const dueAt = dueAtExpression(await loadReferralSettings(tx));
  const since = new Date(now.getTime() - ACCEPTANCE_WINDOW_DAYS * 86_400_000);
  const waiting = await tx.execute<{ emergency: number; urgent: number; routine: number; overdue: number; overrides: number }>(sql`
    SELECT count(*) FILTER (WHERE status = 'sent' AND urgency = 'emergency')::int AS emergency,
           count(*) FILTER (WHERE status = 'sent' AND urgency = 'urgent')::int AS urgent,
           count(*) FILTER (WHERE status = 'sent' AND urgency = 'routine')::int AS routine,
           count(*) FILTER (WHERE status = 'sent' AND ${dueAt} <= ${now.toISOString()}::timestamptz)::int AS overdue,
           count(*) FILTER (WHERE consent_override AND override_reviewed_at IS NULL)::int AS overrides
      FROM referrals`);
  const acceptance = await tx.execute<{ accepted: number; average: number | null; median: number | null }>(sql`
    SELECT count(*)::int AS accepted,
           avg(extract(epoch FROM accepted_at - sent_at) / 60)::float8 AS average,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sent_at) / 60)::float8 AS median
      FROM referrals
     WHERE accepted_at IS NOT NULL AND accepted_at >= ${since.toISOString()}::timestamptz AND accepted_at <= ${now.toISOString()}::timestamptz`);
  const notReferred = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases c WHERE ${NOT_YET_REFERRED}`);
  const w = waiting.rows[0]!;
  const a = acceptance.rows[0]!;
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    waitingByUrgency: { emergency: w.emergency, urgent: w.urgent, routine: w.routine },
    overdueWaiting: w.overdue,
    acceptance: { accepted: a.accepted, averageMinutes: round(a.average), medianMinutes: round(a.median), sinceDays: ACCEPTANCE_WINDOW_DAYS },
    victimsNotReferred: notReferred.rows[0]!.n,
    overridesPendingReview: w.overrides,
  };
}
