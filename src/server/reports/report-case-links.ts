import { and, eq, exists, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { caseAssignments, cases } from '../db/schema/cases.js';
import { reportCases, reports } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { scopeCondition } from '../policies/scopes.js';
import { loadReportForChange } from './report-commands.js';

/** The actor's reach over cases (as the cases module defines it: owner agency, creator, manager or assignee). */
function caseVisibleTo(tx: Tx, actor: Actor) {
  return scopeCondition(actor, 'case.read', {
    ownerAgencyId: cases.ownerAgencyId,
    createdBy: cases.createdBy,
    assignedTo: (userId) =>
      or(
        eq(cases.caseManagerId, userId),
        exists(tx.select({ one: sql`1` }).from(caseAssignments).where(and(eq(caseAssignments.caseId, cases.id), eq(caseAssignments.userId, userId)))),
      )!,
  });
}

/**
 * Links a report to a case the actor can see (404 for a case outside their
 * scope, so case ids cannot be probed) and marks the report as linked.
 * Linking twice is harmless.
 */
export async function linkReportToCase(tx: Tx, audit: AuditContext, actor: Actor, reportId: string, caseId: string): Promise<void> {
  const report = await loadReportForChange(tx, actor, 'report.linkCase', reportId);
  const [visible] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), caseVisibleTo(tx, actor)));
  if (!visible) throw notFound('Case');
  const inserted = await tx.insert(reportCases).values({ reportId, caseId, linkedBy: actor.userId }).onConflictDoNothing().returning({ caseId: reportCases.caseId });
  if (!inserted[0]) return;
  await tx
    .update(reports)
    .set({ status: 'linked', version: report.version + 1, updatedAt: new Date() })
    .where(eq(reports.id, reportId));
  await recordAudit(tx, audit, { action: 'report.caseLinked', resourceType: 'report', resourceId: reportId, changedFields: ['status'], details: { caseId } });
}
