import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { cases, reports } from '../db/schema/index.js';
import { notify } from './notify.js';

/**
 * Tells a user they were assigned to a case (not when they assigned themselves).
 * Params carry the case number only, never the person's name.
 */
export async function notifyCaseAssigned(tx: Tx, input: { caseId: string; userId: string; assignedBy: string }): Promise<number> {
  const [row] = await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, input.caseId));
  if (!row) return 0;
  return notify(tx, {
    recipients: { userIds: [input.userId] },
    kind: 'case_assigned',
    resourceType: 'case',
    resourceId: input.caseId,
    params: { caseNumber: row.caseNumber },
    exceptUserId: input.assignedBy,
  });
}

/**
 * Tells the first responders of the agency a report was dispatched to
 * (an emergency or a screening request) that it waits for them.
 */
export async function notifyDispatchReceived(
  tx: Tx,
  input: { reportId: string; agencyId: string; purpose: string; dispatchedBy: string | null },
): Promise<number> {
  const [row] = await tx.select({ reference: reports.reference, urgency: reports.urgency }).from(reports).where(eq(reports.id, input.reportId));
  if (!row) return 0;
  return notify(tx, {
    recipients: { agencyId: input.agencyId, roles: ['first_responder'] },
    kind: 'dispatch_received',
    resourceType: 'report',
    resourceId: input.reportId,
    params: { reference: row.reference, purpose: input.purpose, urgency: row.urgency },
    exceptUserId: input.dispatchedBy,
  });
}

/**
 * Tells every hotline operator that a report came in from the public form,
 * with its reference and urgency only (never the narrative or the contact).
 * An immediate danger gets its own kind, which the bell shows first and loudly.
 */
export async function notifyPublicReportReceived(tx: Tx, input: { reportId: string; reference: string; urgency: string }): Promise<number> {
  return notify(tx, {
    recipients: { roles: ['hotline_operator'] },
    kind: input.urgency === 'immediate_danger' ? 'public_report_danger' : 'public_report_received',
    resourceType: 'report',
    resourceId: input.reportId,
    params: { reference: input.reference, urgency: input.urgency },
  });
}
