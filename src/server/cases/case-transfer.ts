import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { requestTransferBody } from '@shared/api/caseTransfers.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseAssignments, caseTransfers, cases, users } from '../db/schema/index.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope, type CaseRow } from './case-scope.js';
import { hasConsent } from './consent.js';
import { agencyCanReceive } from './case-transfer-queries.js';

export type TransferRow = typeof caseTransfers.$inferSelect;

/**
 * Loads (and locks) a case the actor may hand over: their agency owns it
 * (`case.transfer`) and they work it (`case.read`), so a case manager of the
 * owner agency who does not work the case cannot give it away. Else 404.
 */
export async function loadCaseForTransfer(tx: Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), inScope(actor, 'case.transfer', 'case'), inScope(actor, 'case.read', 'case')))
    .for('update');
  if (!row) throw notFound('Case');
  return row;
}

/** Refuses a change of hands for a merged or a closed case. */
function assertTransferable(kase: CaseRow): void {
  if (kase.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  if (CLOSED_CASE_STATUSES.includes(kase.status as CaseStatus)) throw new AppError('CONFLICT', 'This case is closed', { reason: 'case_closed' });
}

/**
 * Asks `toAgencyId` to take the case over. It needs the person's unrevoked
 * consent to share with that agency (cases/consent.ts), an agency with staff
 * who take cases, and no other transfer waiting. The note is sealed.
 */
export async function requestTransfer(
  tx: Tx,
  keyring: Keyring,
  actor: Actor,
  audit: AuditContext,
  kase: CaseRow,
  input: z.output<typeof requestTransferBody>,
): Promise<string> {
  assertTransferable(kase);
  if (input.toAgencyId === kase.ownerAgencyId) throw new AppError('CONFLICT', 'The case already belongs to this agency', { reason: 'transfer_same_agency' });
  if (!(await agencyCanReceive(tx, input.toAgencyId))) {
    throw new AppError('VALIDATION_FAILED', 'This agency cannot take cases over', { reason: 'agency_cannot_receive', issues: [{ field: 'toAgencyId', reason: 'agency_cannot_receive' }] });
  }
  if (!(await hasConsent(tx, kase.id, 'share_with_organisation', input.toAgencyId))) {
    throw new AppError('CONSENT_REQUIRED', 'The person has not consented to sharing with this agency', { reason: 'no_consent' });
  }
  const note = input.reasonNote?.trim() ? input.reasonNote.trim() : null;
  const [row] = await tx
    .insert(caseTransfers)
    .values({
      caseId: kase.id,
      fromAgencyId: kase.ownerAgencyId,
      toAgencyId: input.toAgencyId,
      reason: input.reason,
      reasonNoteEnc: sealOptional(keyring, caseTransfers.reasonNoteEnc, note),
      requestedBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: caseTransfers.id });
  if (!row) throw new AppError('CONFLICT', 'A transfer of this case is already pending', { reason: 'transfer_pending' });
  await recordAudit(tx, audit, {
    action: 'case.transferRequested',
    resourceType: 'case',
    resourceId: kase.id,
    details: { transferId: row.id, fromAgencyId: kase.ownerAgencyId, toAgencyId: input.toAgencyId, reason: input.reason, withNote: note !== null },
  });
  return row.id;
}

/** The sender withdraws a transfer still waiting (case loaded with loadCaseForTransfer). */
export async function cancelTransfer(tx: Tx, actor: Actor, audit: AuditContext, kase: CaseRow, transferId: string): Promise<void> {
  const [row] = await tx
    .update(caseTransfers)
    .set({ status: 'cancelled', decidedBy: actor.userId, decidedAt: new Date() })
    .where(and(eq(caseTransfers.id, transferId), eq(caseTransfers.caseId, kase.id), eq(caseTransfers.status, 'pending')))
    .returning({ toAgencyId: caseTransfers.toAgencyId });
  if (!row) {
    const [exists] = await tx.select({ id: caseTransfers.id }).from(caseTransfers).where(and(eq(caseTransfers.id, transferId), eq(caseTransfers.caseId, kase.id)));
    throw exists ? new AppError('CONFLICT', 'This transfer was already decided', { reason: 'transfer_decided' }) : notFound('Transfer');
  }
  await recordAudit(tx, audit, { action: 'case.transferCancelled', resourceType: 'case', resourceId: kase.id, details: { transferId, toAgencyId: row.toAgencyId } });
}

/**
 * Loads (and locks) a transfer waiting for the actor's agency, with its case
 * (reached through the "receiving agency of a pending transfer" relationship,
 * policies/access/cases.ts). One already decided answers 409 to the agency it
 * was addressed to, which knew of it; anything else is not found.
 */
export async function loadIncomingTransfer(tx: Tx, actor: Actor, transferId: string): Promise<{ transfer: TransferRow; kase: CaseRow }> {
  const [transfer] = await tx.select().from(caseTransfers).where(eq(caseTransfers.id, transferId)).for('update');
  if (!transfer) throw notFound('Transfer');
  if (transfer.status !== 'pending') {
    if (transfer.toAgencyId === actor.agencyId) throw new AppError('CONFLICT', 'This transfer was already decided', { reason: 'transfer_decided' });
    throw notFound('Transfer');
  }
  // At most one pending transfer per case: the case is in scope exactly when this one is addressed to the actor's agency.
  const kase = await loadCaseInScope(tx, actor, 'case.acceptTransfer', transfer.caseId, { forUpdate: true }).catch(() => {
    throw notFound('Transfer');
  });
  return { transfer, kase };
}

/**
 * Accepts or declines a transfer loaded with loadIncomingTransfer. Accepting
 * checks the consent again (it may have been withdrawn since), makes the
 * receiving agency the owner, clears the case manager of record, ends the
 * sending agency's assignments and assigns the person who accepted, so the case
 * is on their list at once. One audit row says all of it.
 */
export async function decideTransfer(tx: Tx, actor: Actor, audit: AuditContext, { transfer, kase }: { transfer: TransferRow; kase: CaseRow }, accept: boolean): Promise<void> {
  const decided = { decidedBy: actor.userId, decidedAt: new Date() };
  const parties = { transferId: transfer.id, fromAgencyId: transfer.fromAgencyId, toAgencyId: transfer.toAgencyId };
  if (!accept) {
    await tx.update(caseTransfers).set({ status: 'declined', ...decided }).where(eq(caseTransfers.id, transfer.id));
    await recordAudit(tx, audit, { action: 'case.transferDeclined', resourceType: 'case', resourceId: kase.id, details: parties });
    return;
  }
  assertTransferable(kase);
  if (!(await hasConsent(tx, kase.id, 'share_with_organisation', transfer.toAgencyId))) {
    throw new AppError('CONSENT_REQUIRED', 'The person has withdrawn their consent to sharing with this agency', { reason: 'consent_revoked' });
  }
  // Ownership moves only through transfers, one pending at a time: a different owner means the data changed under us.
  if (kase.ownerAgencyId !== transfer.fromAgencyId) throw conflict();

  await tx
    .update(cases)
    .set({ ownerAgencyId: transfer.toAgencyId, caseManagerId: null, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, kase.id));
  const ended = await tx
    .delete(caseAssignments)
    .where(
      and(
        eq(caseAssignments.caseId, kase.id),
        inArray(caseAssignments.userId, tx.select({ id: users.id }).from(users).where(eq(users.agencyId, transfer.fromAgencyId))),
      ),
    )
    .returning({ userId: caseAssignments.userId });
  await tx.insert(caseAssignments).values({ caseId: kase.id, userId: actor.userId, assignedBy: actor.userId }).onConflictDoNothing();
  await tx.update(caseTransfers).set({ status: 'accepted', ...decided }).where(eq(caseTransfers.id, transfer.id));
  await recordAudit(tx, audit, {
    action: 'case.transferAccepted',
    resourceType: 'case',
    resourceId: kase.id,
    changedFields: ['ownerAgencyId', 'caseManagerId', 'assignments'],
    details: { ...parties, previousCaseManagerId: kase.caseManagerId, endedAssignments: ended.map((a) => a.userId), assigned: actor.userId },
  });
}
