import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { closeCaseBody, CloseCaseResult, OpenReferralOfClosure } from '@shared/api/case-closure.js';
import { OPEN_REFERRAL_STATUSES } from '@shared/api/referrals.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { cases, referrals, serviceProviders } from '../db/schema/index.js';
import { AppError, conflict } from '../http/app-error.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { cancelOpenReferralsOfCase } from '../referrals/referral-lifecycle.js';
import type { CaseRow } from './case-scope.js';

const isOpen = (caseId: string) => and(eq(referrals.caseId, caseId), inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]));

/** How many referrals of the case are still open (sent, accepted or in progress). */
export async function countOpenReferrals(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(referrals).where(isOpen(caseId));
  return row!.n;
}

/**
 * The open referrals of a case, oldest first, each with what `actor` may do about it
 * now: the same rules as the referral routes (referral-lifecycle.ts TRANSITIONS), as
 * SQL conditions from the access definitions, so the list never offers a move the
 * route would refuse. Cancel is the sending side's; complete the receiving side's,
 * from in_progress. Without an actor (a closure run by the system) no move is offered.
 */
export async function listOpenReferrals(tx: Tx, caseId: string, actor?: Actor): Promise<OpenReferralOfClosure[]> {
  const mayCancel = actor ? inScope(actor, 'referral.cancel', 'referral', REFERRAL_SIDES.outgoing) : sql`false`;
  const mayComplete = actor ? sql`${referrals.status} = 'in_progress' AND ${inScope(actor, 'referral.respond', 'referral', REFERRAL_SIDES.incoming)}` : sql`false`;
  const rows = await tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      providerName: serviceProviders.name,
      serviceType: referrals.serviceType,
      status: referrals.status,
      bedHeld: referrals.bedHeld,
      cancel: sql<boolean>`(${mayCancel})`,
      complete: sql<boolean>`(${mayComplete})`,
    })
    .from(referrals)
    .innerJoin(serviceProviders, eq(serviceProviders.id, referrals.providerId))
    .where(isOpen(caseId))
    .orderBy(referrals.sentAt, referrals.id);
  return rows.map(({ cancel, complete, ...r }) => ({
    ...r,
    serviceType: r.serviceType as OpenReferralOfClosure['serviceType'],
    status: r.status as OpenReferralOfClosure['status'],
    actions: [...(complete ? (['complete'] as const) : []), ...(cancel ? (['cancel'] as const) : [])],
  }));
}

/**
 * Closes a case with a reason (HTCDS cas_ReasonForCaseClosure codes). Decision:
 * a case with open referrals does not close, because a provider would keep
 * serving (and holding data about) a closed case, and closing must never end a
 * child's placement as a side effect. The answer is 409 with reason
 * 'open_referrals' and the referrals themselves (provider, status, and what the
 * caller may do with each), so the worker completes, cancels or keeps each one
 * deliberately through the referral routes. `cancelOpenReferrals` (the demo
 * seeding only) cancels them in the same transaction instead.
 *
 * The open referrals are checked before the version: they are the true reason a
 * close fails, and the referral moves the worker makes in between leave the case's
 * version alone. `current` is the case as the caller loaded it, once, locked for
 * update in their update scope; the referrals are read under that lock, so none can
 * be sent between the check and the closing.
 */
export async function closeCase(tx: Tx, keyring: Keyring, audit: AuditContext, current: CaseRow, input: z.output<typeof closeCaseBody>, actor?: Actor): Promise<CloseCaseResult> {
  if (current.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  if (CLOSED_CASE_STATUSES.includes(current.status as CaseStatus)) throw new AppError('CONFLICT', 'This case is already closed', { reason: 'case_closed' });
  const open = input.cancelOpenReferrals ? await countOpenReferrals(tx, current.id) : 0;
  if (!input.cancelOpenReferrals) {
    const openReferrals = await listOpenReferrals(tx, current.id, actor);
    if (openReferrals.length > 0) {
      throw new AppError('CONFLICT', 'The case still has open referrals: complete, cancel or keep each one before closing', { reason: 'open_referrals', openReferrals });
    }
  }
  if (current.version !== input.version) throw conflict();
  const cancelledReferrals = open > 0 ? await cancelOpenReferralsOfCase(tx, audit, current.id) : 0;
  const [closed] = await tx
    .update(cases)
    .set({
      status: input.status,
      closedAt: new Date(),
      closureReason: input.closureReason,
      closureNoteEnc: sealOptional(keyring, cases.closureNoteEnc, input.closureNote),
      version: sql`${cases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
    .returning({ version: cases.version, status: cases.status });
  if (!closed) throw conflict();
  await recordAudit(tx, audit, {
    action: 'case.closed',
    resourceType: 'case',
    resourceId: current.id,
    changedFields: ['status', 'closedAt', 'closureReason', 'closureNote'],
    details: { fromVersion: input.version, status: input.status, reason: input.closureReason, cancelledReferrals },
  });
  return { id: current.id, ...closed, cancelledReferrals };
}
