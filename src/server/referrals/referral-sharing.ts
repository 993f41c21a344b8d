import { and, eq, sql } from 'drizzle-orm';
import type { ReferralStatus } from '@shared/api/referrals.js';
import type { Tx } from '../db/database.js';
import { caseConsents } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { ReferralRow } from './referral-scope.js';

/** Why the receiver may not see a referral's shared values now (sent as `details.reason`). */
export type WithheldReason = 'referral_closed' | 'no_consent' | 'consent_revoked' | 'override_ended';

/** The one answer to "may the receiving agency see what this referral shares, now?". */
export type ReceiverSharing = { allowed: true; basis: 'consent' | 'override' } | { allowed: false; reason: WithheldReason };

type SharingFacts = Pick<ReferralRow, 'status' | 'caseId' | 'receivingAgencyId' | 'consentOverride' | 'sentAt'>;

// A consent covers the whole life of the referral it allowed, completion included (the provider
// keeps the record of whom it served while the victim agrees). Declined and cancelled referrals
// never show the values again: the receiver is not caring for the person.
const CONSENT_COVERS: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress', 'completed'];
// An emergency override stands in for a consent only while the emergency is being handled.
const OVERRIDE_COVERS: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];

/**
 * Decides, from the case's consents as they are now, whether the receiver may
 * see the referral's shared values (the snapshot and the reason written for
 * it) and so whether it may accept. Every path that hands shared values to the
 * receiver, and the accept transition, asks this, so a revocation stops the flow
 * of data at once, in every state:
 * - an unrevoked sharing consent naming the receiving agency allows it;
 * - otherwise an emergency override allows it while the referral is open,
 *   unless a consent for that agency was revoked after the referral was sent:
 *   the override presumed what the victim could not be asked, and once asked
 *   and refusing, the victim's answer prevails;
 * - nothing else does.
 * `lock` takes FOR SHARE locks on the consents read, so a revocation running at
 * the same time waits for this transaction (and one that ran first is seen).
 */
export async function receiverSharing(tx: Tx, referral: SharingFacts, options: { lock?: boolean } = {}): Promise<ReceiverSharing> {
  const status = referral.status as ReferralStatus;
  if (!CONSENT_COVERS.includes(status)) return { allowed: false, reason: 'referral_closed' };
  const query = tx
    .select({ revokedAt: caseConsents.revokedAt, inForce: sql<boolean>`${caseConsents.givenAt} <= now()` })
    .from(caseConsents)
    .where(and(eq(caseConsents.caseId, referral.caseId), eq(caseConsents.type, 'share_with_organisation'), eq(caseConsents.agencyId, referral.receivingAgencyId)));
  const consents = options.lock ? await query.for('share') : await query;
  if (consents.some((c) => !c.revokedAt && c.inForce)) return { allowed: true, basis: 'consent' };
  const revokedSinceSent = consents.some((c) => c.revokedAt && c.revokedAt.getTime() >= referral.sentAt.getTime());
  if (referral.consentOverride && !revokedSinceSent) {
    return OVERRIDE_COVERS.includes(status) ? { allowed: true, basis: 'override' } : { allowed: false, reason: 'override_ended' };
  }
  return { allowed: false, reason: consents.some((c) => c.revokedAt) ? 'consent_revoked' : 'no_consent' };
}

/** Throws 422 CONSENT_REQUIRED (with the reason) unless the receiver may take the shared values now. */
export async function assertReceiverMayTakeSharedValues(tx: Tx, referral: SharingFacts): Promise<void> {
  const sharing = await receiverSharing(tx, referral, { lock: true });
  if (!sharing.allowed) throw new AppError('CONSENT_REQUIRED', 'The victim’s consent no longer allows sharing with this organisation', { reason: sharing.reason });
}
