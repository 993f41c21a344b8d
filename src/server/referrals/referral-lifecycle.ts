import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { OPEN_REFERRAL_STATUSES, type ReferralStatus, type cancelBody, type declineBody } from '@shared/api/referrals.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { referrals, shelterCapacity } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { notify } from '../notifications/notify.js';
import { loadReferralInScope, type ReferralRow } from './referral-scope.js';
import { assertReceiverMayTakeSharedValues } from './referral-sharing.js';

export type Transition = 'accept' | 'decline' | 'start' | 'complete' | 'cancel';

/** Which status each transition leaves from, and where it goes. Anything else is 409. */
export const TRANSITIONS: Record<Transition, { from: readonly ReferralStatus[]; to: ReferralStatus; side: 'incoming' | 'outgoing' }> = {
  accept: { from: ['sent'], to: 'accepted', side: 'incoming' },
  decline: { from: ['sent'], to: 'declined', side: 'incoming' },
  start: { from: ['accepted'], to: 'in_progress', side: 'incoming' },
  complete: { from: ['in_progress'], to: 'completed', side: 'incoming' },
  cancel: { from: OPEN_REFERRAL_STATUSES, to: 'cancelled', side: 'outgoing' },
};

const AUDIT_OF = { accept: 'referral.accepted', decline: 'referral.declined', start: 'referral.started', complete: 'referral.completed', cancel: 'referral.cancelled' } as const;

/** 409 for a transition the referral's current status does not allow (one code for every illegal move). */
export function invalidTransition(from: string, to: string): AppError {
  return new AppError('CONFLICT', `A ${from} referral cannot become ${to}`, { reason: 'referral_invalid_transition', from, to });
}

/**
 * Takes one shelter bed for an accepted shelter referral, in the same
 * statement that checks there is one free. Decision: occupancy follows
 * acceptance (the bed is the service), but a full shelter must first correct
 * its count (409 'shelter_full') rather than be pushed past its capacity; a
 * shelter that has never reported beds accepts without bed tracking.
 */
async function holdBed(tx: Tx, providerId: string): Promise<boolean> {
  const [capacity] = await tx.select({ providerId: shelterCapacity.providerId }).from(shelterCapacity).where(eq(shelterCapacity.providerId, providerId));
  if (!capacity) return false;
  const taken = await tx
    .update(shelterCapacity)
    .set({ bedsOccupied: sql`${shelterCapacity.bedsOccupied} + 1`, version: sql`${shelterCapacity.version} + 1`, updatedAt: new Date() })
    .where(and(eq(shelterCapacity.providerId, providerId), sql`${shelterCapacity.bedsOccupied} < ${shelterCapacity.bedsTotal}`))
    .returning({ providerId: shelterCapacity.providerId });
  if (taken.length === 0) throw new AppError('CONFLICT', 'The shelter has no free bed; update its occupancy first', { reason: 'shelter_full' });
  return true;
}

/** Gives the bed back when the stay ends (completed) or never happens (cancelled). */
async function releaseBed(tx: Tx, providerId: string): Promise<void> {
  await tx
    .update(shelterCapacity)
    .set({ bedsOccupied: sql`GREATEST(${shelterCapacity.bedsOccupied} - 1, 0)`, version: sql`${shelterCapacity.version} + 1`, updatedAt: new Date() })
    .where(eq(shelterCapacity.providerId, providerId));
}

type TransitionInput = { transition: 'decline'; body: z.output<typeof declineBody> } | { transition: 'cancel'; body: z.output<typeof cancelBody> } | { transition: 'accept' | 'start' | 'complete' };

/**
 * Moves a referral along its lifecycle. Accept, decline, start and complete
 * belong to the receiving provider; cancel to the referring side. The update is
 * conditioned on the status read, so two people answering at once cannot both win.
 */
export async function transitionReferral(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, referralId: string, input: TransitionInput, now = new Date()): Promise<ReferralRow> {
  const rule = TRANSITIONS[input.transition];
  const action = input.transition === 'cancel' ? 'referral.cancel' : 'referral.respond';
  const { referral, caseNumber } = await loadReferralInScope(tx, actor, action, referralId, { side: rule.side, forUpdate: true });
  if (!rule.from.includes(referral.status as ReferralStatus)) throw invalidTransition(referral.status, rule.to);

  const set: Partial<typeof referrals.$inferInsert> = { status: rule.to, updatedAt: now };
  if (input.transition === 'accept') {
    // Accepting is taking the person on with what was shared: only while the consent (or the
    // override) still allows it, checked in this transaction with the consents locked.
    // Decline, start and complete share nothing more and stay possible (complete frees the bed).
    await assertReceiverMayTakeSharedValues(tx, referral);
    set.acceptedAt = now;
    set.respondedBy = actor.userId;
    if (referral.serviceType === 'shelter') set.bedHeld = await holdBed(tx, referral.providerId);
  } else if (input.transition === 'decline') {
    set.declinedAt = now;
    set.respondedBy = actor.userId;
    set.declineReason = input.body.reason;
    set.declineNoteEnc = sealOptional(keyring, referrals.declineNoteEnc, input.body.note);
  } else if (input.transition === 'start') {
    set.startedAt = now;
  } else if (input.transition === 'complete') {
    set.completedAt = now;
  } else if (input.transition === 'cancel') {
    set.cancelledAt = now;
    set.cancelNoteEnc = sealOptional(keyring, referrals.cancelNoteEnc, input.body.note);
  }
  if ((input.transition === 'complete' || input.transition === 'cancel') && referral.bedHeld) {
    await releaseBed(tx, referral.providerId);
    set.bedHeld = false;
  }
  const [updated] = await tx
    .update(referrals)
    .set({ ...set, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, referralId), eq(referrals.status, referral.status)))
    .returning();
  if (!updated) throw invalidTransition(referral.status, rule.to);

  await recordAudit(tx, audit, {
    action: AUDIT_OF[input.transition],
    resourceType: 'referral',
    resourceId: referralId,
    changedFields: ['status'],
    details: { from: referral.status, to: rule.to, ...(input.transition === 'decline' ? { reason: input.body.reason } : {}), ...(set.bedHeld !== undefined ? { bedHeld: set.bedHeld } : {}) },
  });
  if (input.transition === 'accept' || input.transition === 'decline') {
    await notify(tx, {
      recipients: { userIds: [referral.referredBy] },
      kind: input.transition === 'accept' ? 'referral_accepted' : 'referral_declined',
      resourceType: 'referral',
      resourceId: referralId,
      params: { reference: referral.reference, caseNumber },
      exceptUserId: actor.userId,
    });
  }
  return updated;
}

/**
 * Cancels every open referral of a case (used when a case is closed), releasing
 * held beds, in one statement per concern. Returns how many were cancelled.
 */
export async function cancelOpenReferralsOfCase(tx: Tx, audit: AuditContext, caseId: string, now = new Date()): Promise<number> {
  const open = and(eq(referrals.caseId, caseId), inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]));
  await tx.execute(sql`UPDATE shelter_capacity sc SET beds_occupied = GREATEST(sc.beds_occupied - held.n, 0), version = sc.version + 1, updated_at = now()
    FROM (SELECT provider_id, count(*)::int AS n FROM referrals WHERE case_id = ${caseId} AND bed_held AND status IN ('sent', 'accepted', 'in_progress') GROUP BY provider_id) held
    WHERE sc.provider_id = held.provider_id`);
  const cancelled = await tx
    .update(referrals)
    .set({ status: 'cancelled', cancelledAt: now, bedHeld: false, updatedAt: now, version: sql`${referrals.version} + 1` })
    .where(open)
    .returning({ id: referrals.id, reference: referrals.reference });
  for (const r of cancelled) {
    await recordAudit(tx, audit, { action: 'referral.cancelled', resourceType: 'referral', resourceId: r.id, changedFields: ['status'], details: { to: 'cancelled', becauseCaseClosed: true } });
  }
  return cancelled.length;
}
