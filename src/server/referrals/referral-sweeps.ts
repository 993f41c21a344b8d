import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { AppContext } from '../http/app-context.js';
import { dueAtExpression, loadReferralSettings } from './referral-settings.js';
import { startPeriodicTask } from '../ops/periodic-task.js';

/** Sweeps run this often by default: an emergency's 2-hour limit is missed by at most a minute. */
export const SWEEP_INTERVAL_MS = 60_000;

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * Raises `referral_overdue` for every referral still unanswered past its
 * response time, to the user who sent it and to every national coordinator,
 * and `followup_overdue` for every open follow-up past its due date, to its
 * assignee (or its author). Set-based: one INSERT … SELECT per kind; the
 * dedupe keys make each alert fire once per user however often this runs.
 * The coordinator's copy carries the referral reference only, never the case
 * number. Returns how many notifications were created.
 */
export async function sweepOverdueReferrals(db: Db, now: Date): Promise<{ referralAlerts: number; followUpAlerts: number }> {
  return db.transaction(async (tx) => {
    const dueAt = dueAtExpression(await loadReferralSettings(tx));
    const at = now.toISOString();
    const referralsResult = await tx.execute(sql`
      INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, dedupe_key)
      SELECT u.id, 'referral_overdue', 'referral', referrals.id::text,
             CASE WHEN u.id = referrals.referred_by
                  THEN jsonb_build_object('reference', referrals.reference, 'caseNumber', c.case_number, 'urgency', referrals.urgency,
                                          'sentAt', to_char(referrals.sent_at AT TIME ZONE 'UTC', ${sql.raw(ISO_UTC)}))
                  ELSE jsonb_build_object('reference', referrals.reference, 'urgency', referrals.urgency,
                                          'sentAt', to_char(referrals.sent_at AT TIME ZONE 'UTC', ${sql.raw(ISO_UTC)})) END,
             'referral-overdue:' || referrals.id::text
        FROM referrals
        JOIN cases c ON c.id = referrals.case_id
        JOIN users u ON NOT u.disabled AND (u.id = referrals.referred_by OR 'national_coordinator' = ANY (u.roles))
       WHERE referrals.status = 'sent' AND ${dueAt} <= ${at}::timestamptz
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
    const followUpsResult = await tx.execute(sql`
      INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, dedupe_key)
      SELECT u.id, 'followup_overdue', 'case', c.id::text,
             jsonb_build_object('caseNumber', c.case_number, 'dueDate', f.due_date::text),
             'followup-overdue:' || f.id::text
        FROM case_follow_ups f
        JOIN cases c ON c.id = f.case_id
        JOIN users u ON u.id = coalesce(f.assignee_id, f.created_by) AND NOT u.disabled
       WHERE f.done_at IS NULL AND f.due_date < (${at}::timestamptz AT TIME ZONE 'UTC')::date
         AND c.status IN ('Active', 'FollowUp') AND c.merged_into_case_id IS NULL
      ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
    return { referralAlerts: referralsResult.rowCount ?? 0, followUpAlerts: followUpsResult.rowCount ?? 0 };
  });
}

/** Runs the overdue sweep on a timer; returns a stop function for graceful shutdown. */
export function startReferralSweeps(ctx: Pick<AppContext, 'database' | 'logger'>, options: { intervalMs?: number } = {}): () => void {
  return startPeriodicTask(ctx.logger, 'overdue-referral-sweep', options.intervalMs ?? SWEEP_INTERVAL_MS, async () => {
    const result = await sweepOverdueReferrals(ctx.database.db, new Date());
    if (result.referralAlerts + result.followUpAlerts > 0) ctx.logger.info(result, 'overdue referral and follow-up alerts raised');
  });
}
