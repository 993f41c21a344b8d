import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import type { AppContext } from '../http/app-context.js';
import { startPeriodicTask } from '../ops/periodic-task.js';

/** How often the periodic alerts are looked for. */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

/** The calendar day of `now` (UTC), as the `date` columns store days. */
function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Warns the people working a case that its reflection and recovery period is
 * ending: when `reflection_end - reflection_alert_days <= today < reflection_end`,
 * the named case manager, the assigned workers and the owner agency's first
 * responders get `reflection_period_ending` once per case and end date (a
 * moved end date warns again). Closed and merged-away cases are skipped.
 * One set-based INSERT … SELECT; returns how many notifications were created.
 */
export async function sweepReflectionPeriods(db: Db | Tx, now: Date): Promise<number> {
  const today = dayOf(now);
  const result = await db.execute(sql`
    WITH ending AS (
      SELECT c.id, c.case_number, c.reflection_end, c.owner_agency_id, c.case_manager_id
        FROM cases c
       WHERE c.status IN ('Active', 'FollowUp')
         AND c.merged_into_case_id IS NULL
         AND c.reflection_end IS NOT NULL
         AND c.reflection_end - c.reflection_alert_days <= ${today}::date
         AND ${today}::date < c.reflection_end
    ),
    recipients AS (
      SELECT e.id AS case_id, e.case_manager_id AS user_id FROM ending e WHERE e.case_manager_id IS NOT NULL
      UNION
      SELECT ca.case_id, ca.user_id FROM case_assignments ca JOIN ending e ON e.id = ca.case_id
      UNION
      SELECT e.id, u.id FROM ending e JOIN users u ON u.agency_id = e.owner_agency_id AND 'first_responder' = ANY (u.roles)
    )
    INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, dedupe_key)
    SELECT u.id, 'reflection_period_ending', 'case', e.id::text,
           jsonb_build_object('caseNumber', e.case_number, 'endDate', to_char(e.reflection_end, 'YYYY-MM-DD')),
           'reflection-ending:' || e.id::text || ':' || to_char(e.reflection_end, 'YYYY-MM-DD')
      FROM recipients r
      JOIN ending e ON e.id = r.case_id
      JOIN users u ON u.id = r.user_id
     WHERE NOT u.disabled AND u.roles && ARRAY['case_manager', 'first_responder']::text[]
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  return result.rowCount ?? 0;
}

/**
 * Starts the periodic notification sweeps (reflection periods ending). Returns
 * a function that stops them; call it before closing the database.
 */
export function startNotificationSweeps(ctx: Pick<AppContext, 'database' | 'logger'>, intervalMs = SWEEP_INTERVAL_MS): () => void {
  return startPeriodicTask(ctx.logger, 'reflection-period-sweep', intervalMs, async () => {
    const created = await sweepReflectionPeriods(ctx.database.db, new Date());
    if (created > 0) ctx.logger.info({ created }, 'reflection period alerts raised');
  });
}
