import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { reportCases, reports } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { notFound } from '../http/app-error.js';
import { idsInScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { loadReportForChange } from './report-commands.js';

/**
 * Links a report to a case the actor can see (404 for a case outside their
 * scope, so case ids cannot be probed) and marks the report as linked.
 * Linking twice is harmless.
 */
export async function linkReportToCase(tx: Tx, audit: AuditContext, actor: Actor, reportId: string, caseId: string): Promise<void> {
  const report = await loadReportForChange(tx, actor, 'report.linkCase', reportId);
  if (!(await idsInScope(tx, actor, 'case.read', 'case', [caseId])).has(caseId)) throw notFound('Case');
  const inserted = await tx.insert(reportCases).values({ reportId, caseId, linkedBy: actor.userId }).onConflictDoNothing().returning({ caseId: reportCases.caseId });
  if (!inserted[0]) return;
  await tx
    .update(reports)
    .set({ status: 'linked', version: report.version + 1, updatedAt: new Date() })
    .where(eq(reports.id, reportId));
  await recordAudit(tx, audit, { action: 'report.caseLinked', resourceType: 'report', resourceId: reportId, changedFields: ['status'], details: { caseId } });
}
