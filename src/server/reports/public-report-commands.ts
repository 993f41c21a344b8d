import { and, eq, isNull } from 'drizzle-orm';
import type { PublicReportBody } from '@shared/api/reports.js';
import type { Tx } from '../db/database.js';
import { reportAdditions, reports } from '../db/schema/index.js';
import { seal, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { notifyPublicReportReceived } from '../notifications/domain-notices.js';
import { nextReference } from './report-commands.js';
import { generateReceiptCode, receiptHash } from './receipt-codes.js';

/**
 * Anonymous reporters are not traced: the audit trail records that a public
 * report arrived, never the IP address or browser it came from.
 */
export const ANONYMOUS_REPORTER: AuditContext = {
  actorUserId: null,
  actorUsername: 'public',
  actorAgencyId: null,
  actorRole: null,
  ip: null,
  userAgent: null,
};

/**
 * Files a public report in the hotline's queue (channel online_form) and
 * returns its receipt code; only the code's keyed hash is kept. A reported
 * immediate danger is flagged for the operator, who dispatches after a call
 * back: an anonymous form alone does not send the police anywhere. Every
 * hotline operator is notified in the same transaction (urgently for an
 * immediate danger), so the report cannot arrive silently.
 */
export async function submitPublicReport(tx: Tx, keyring: Keyring, input: PublicReportBody): Promise<string> {
  const receiptCode = generateReceiptCode();
  const urgency = input.immediateDanger ? 'immediate_danger' : input.minorsInvolved ? 'urgent' : 'standard';
  const receivedAt = new Date();
  const [row] = await tx
    .insert(reports)
    .values({
      reference: nextReference(receivedAt),
      kind: 'trafficking_suspicion',
      channel: 'online_form',
      urgency,
      receivedAt,
      callerType: input.callerType ?? 'anonymous',
      language: input.language ?? null,
      region: input.region ?? null,
      province: input.province || null,
      narrativeEnc: seal(keyring, reports.narrativeEnc, input.narrative),
      reporterContactEnc: sealOptional(keyring, reports.reporterContactEnc, input.contact),
      exploitationForms: input.exploitationForms,
      peopleAtRisk: input.peopleAtRisk ?? null,
      minorsInvolved: input.minorsInvolved ?? null,
      receiptHash: receiptHash(keyring, receiptCode),
    })
    .returning({ id: reports.id, reference: reports.reference });
  await recordAudit(tx, ANONYMOUS_REPORTER, {
    action: 'report.publicReceived',
    resourceType: 'report',
    resourceId: row!.id,
    details: { urgency, withContact: Boolean(input.contact) },
  });
  await notifyPublicReportReceived(tx, { reportId: row!.id, reference: row!.reference, urgency });
  return receiptCode;
}

/**
 * Adds information to the report behind a receipt code. Does the same work
 * whether or not the code exists, and tells the caller nothing either way.
 * The report is locked, so the retention sweep (report-retention.ts) either
 * waits for this addition and erases it too, or has already erased the
 * receipt code's hash and this finds nothing: an erased report takes no more.
 */
export async function addToPublicReport(tx: Tx, keyring: Keyring, receiptCode: string, text: string): Promise<void> {
  const sealed = seal(keyring, reportAdditions.textEnc, text);
  const [report] = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.receiptHash, receiptHash(keyring, receiptCode)), isNull(reports.erasedAt)))
    .for('update');
  if (!report) return;
  await tx.insert(reportAdditions).values({ reportId: report.id, textEnc: sealed });
  await tx.update(reports).set({ updatedAt: new Date() }).where(eq(reports.id, report.id));
  await recordAudit(tx, ANONYMOUS_REPORTER, { action: 'report.publicAdditionReceived', resourceType: 'report', resourceId: report.id });
}
