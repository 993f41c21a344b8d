import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { AppContext } from '../http/app-context.js';
import { recordAudit, SYSTEM_CONTEXT } from '../audit/record-audit.js';
import { startPeriodicTask } from '../ops/periodic-task.js';

/** The retention sweep runs hourly: a report is erased at most an hour after its day comes. */
export const RETENTION_SWEEP_INTERVAL_MS = 3_600_000;

const DAY_MS = 86_400_000;

export interface RetentionResult {
  /** Reports whose personal content this run erased. */
  reports: number;
  /** Additions (text a public reporter sent later) deleted with them. */
  additions: number;
}

/**
 * The retention rule (SANAD_PUBLIC_REPORT_RETENTION_DAYS). A report closed
 * more than `retentionDays` ago that led to no case has served its purpose:
 * its narrative, the reporter's contact, the place as they wrote it, the
 * receipt code's hash (so nobody can add to it any more) and its additions
 * are erased; the row keeps its coded, de-identified facts (dates, region,
 * kind, forms, urgency, status, closure reason) for the statistics and is
 * stamped `erased_at`.
 *
 * It applies to every channel, not only the public form: a hotline call's
 * narrative and caller's number are the same kind of personal data, kept for
 * the same purpose, and one rule is one the hotline can state to callers too.
 *
 * A report is kept, whatever its age, while a case holds it: linked
 * (report_cases), named as a case's source, or screened into a case, or under a
 * screening not yet decided (which may still open a case naming it).
 *
 * Set-based and in one transaction, with one audit row (system) when anything
 * was erased. The reports are erased first: their row lock makes a public
 * addition arriving at the same moment wait, and then find no receipt code;
 * an addition that got in first is committed before the DELETE, which reads
 * afresh and removes it. Running it again erases nothing more.
 */
export async function sweepReportRetention(db: Db, now: Date, retentionDays: number): Promise<RetentionResult> {
  const at = now.toISOString();
  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction(async (tx) => {
    const erased = await tx.execute(sql`
      UPDATE reports r
         SET narrative_enc = NULL, reporter_contact_enc = NULL, province = NULL, receipt_hash = NULL,
             erased_at = ${at}::timestamptz, version = r.version + 1, updated_at = ${at}::timestamptz
       WHERE r.status = 'closed' AND r.erased_at IS NULL AND r.closed_at <= ${closedBefore}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM report_cases rc WHERE rc.report_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.source_report_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM screenings s WHERE s.report_id = r.id AND (s.case_id IS NOT NULL OR s.decision_status = 'pending'))`);
    // Every erased report's additions, not only this run's: nothing written to an erased report survives.
    const deleted = await tx.execute(sql`
      DELETE FROM report_additions a USING reports r
       WHERE r.id = a.report_id AND r.erased_at IS NOT NULL`);
    const result = { reports: erased.rowCount ?? 0, additions: deleted.rowCount ?? 0 };
    if (result.reports + result.additions > 0) {
      await recordAudit(tx, SYSTEM_CONTEXT, {
        action: 'report.contentErased',
        resourceType: 'report',
        changedFields: ['narrative', 'reporterContact', 'province', 'receiptCode', 'additions'],
        details: { count: result.reports, additions: result.additions, retentionDays, closedBefore },
      });
    }
    return result;
  });
}

/** Runs the retention sweep hourly; returns a stop function for graceful shutdown. */
export function startReportRetention(ctx: Pick<AppContext, 'database' | 'logger' | 'config'>, options: { intervalMs?: number } = {}): () => void {
  return startPeriodicTask(ctx.logger, 'report-retention', options.intervalMs ?? RETENTION_SWEEP_INTERVAL_MS, async () => {
    const result = await sweepReportRetention(ctx.database.db, new Date(), ctx.config.publicReportRetentionDays);
    if (result.reports + result.additions > 0) ctx.logger.info(result, 'personal content of closed reports erased under the retention rule');
  });
}
