import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OverrideReviewItem } from '@shared/api/override-review.js';
import type { overrideReviewBody } from '@shared/api/override-review.js';
import type { ReferralStatus, ReferralUrgency, ShareableField } from '@shared/api/referrals.js';
import type { ServiceType } from '@shared/api/providers.js';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Keyring } from '../crypto/keyring.js';
import { openOptional, sealOptional } from '../crypto/encrypted-columns.js';
import type { Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { localizedName } from '../db/localized-name.js';
import { agencies, referrals, users } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/authorize.js';

/**
 * The national coordinator's review of consent overrides: a referral sent without the victim's
 * consent (refer-case.ts, audited as referral.consentOverridden) waits here until the coordinator
 * approves it as justified or flags it with a note. Flagging tells the sending agency.
 *
 * What the coordinator sees is bounded by the policies: the coordinator holds no identity-bearing
 * action and signs in without 2FA, so the case, the person and the sender's free-text justification
 * (written about an identified person) never leave the database here. The coded reason, the names of
 * the fields that were shared, who sent it and when are what is reviewed.
 */

type ReviewInput = z.output<typeof overrideReviewBody>;

const receiving = alias(agencies, 'receiving_agency');
const referring = alias(agencies, 'referring_agency');
const sender = alias(users, 'override_sender');
const reviewer = alias(users, 'override_reviewer');

/** One select for the list and for the answer to a review: the referral's facts, never its content. */
function selectOverrides(tx: Tx, actor: Actor) {
  return tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      sentAt: referrals.sentAt,
      urgency: referrals.urgency,
      serviceType: referrals.serviceType,
      status: referrals.status,
      overrideReason: referrals.overrideReason,
      sharedFields: referrals.sharedFields,
      sentByName: sender.displayName,
      referringAgencyName: localizedName(referring, actor),
      receivingAgencyName: localizedName(receiving, actor),
      reviewedAt: referrals.overrideReviewedAt,
      outcome: referrals.overrideReviewOutcome,
      noteEnc: referrals.overrideReviewNoteEnc,
      reviewedByName: reviewer.displayName,
    })
    .from(referrals)
    .innerJoin(receiving, eq(receiving.id, referrals.receivingAgencyId))
    .innerJoin(referring, eq(referring.id, referrals.referringAgencyId))
    .innerJoin(sender, eq(sender.id, referrals.referredBy))
    .leftJoin(reviewer, eq(reviewer.id, referrals.overrideReviewedBy));
}

type OverrideRow = Awaited<ReturnType<ReturnType<typeof selectOverrides>['where']>>[number];

function presentOverride(keyring: Keyring, row: OverrideRow): OverrideReviewItem {
  return {
    id: row.id,
    reference: row.reference,
    sentAt: row.sentAt.toISOString(),
    urgency: row.urgency as ReferralUrgency,
    serviceType: row.serviceType as ServiceType,
    status: row.status as ReferralStatus,
    // consent_override = (override_reason IS NOT NULL) is a CHECK, and every row here is an override.
    overrideReason: row.overrideReason!,
    sharedFields: row.sharedFields as ShareableField[],
    sentByName: row.sentByName,
    referringAgencyName: row.referringAgencyName,
    receivingAgencyName: row.receivingAgencyName,
    review:
      row.reviewedAt && row.outcome
        ? {
            outcome: row.outcome,
            // The coordinator's own note (migration 0019), sealed like every free text about a referral.
            note: openOptional(keyring, referrals.overrideReviewNoteEnc, row.noteEnc),
            reviewedAt: row.reviewedAt.toISOString(),
            reviewedByName: row.reviewedByName,
          }
        : null,
  };
}

/** The overrides to review (oldest first), or all of them (those waiting first, then the newest). */
export async function listOverrides(tx: Tx, keyring: Keyring, actor: Actor, query: { page: number; pageSize: number; pending: 'true' | 'false' }) {
  const filters: SQL[] = [eq(referrals.consentOverride, true)];
  if (query.pending === 'true') filters.push(isNull(referrals.overrideReviewedAt));
  const where = and(...filters);
  const order = query.pending === 'true' ? [asc(referrals.sentAt)] : [sql`${referrals.overrideReviewedAt} IS NULL DESC`, desc(referrals.sentAt)];
  const [rows, total] = await inOrder([
    selectOverrides(tx, actor)
      .where(where)
      .orderBy(...order, referrals.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ n: count() }).from(referrals).where(where),
  ]);
  return { items: rows.map((row) => presentOverride(keyring, row)), total: total[0]!.n };
}

export interface LoadedOverride {
  id: string;
  reference: string;
  referringAgencyId: string;
  referredBy: string;
  reviewedAt: Date | null;
}

/** The override to review, locked against a second reviewer; any other referral is not found. */
export async function loadOverride(tx: Tx, referralId: string): Promise<LoadedOverride> {
  const [row] = await tx
    .select({ id: referrals.id, reference: referrals.reference, referringAgencyId: referrals.referringAgencyId, referredBy: referrals.referredBy, reviewedAt: referrals.overrideReviewedAt })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.consentOverride, true)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'No consent override with this id');
  return row;
}

/**
 * Closes the review: approved (the emergency justified sending without consent) or flagged with a
 * note. Final: a second review is a conflict. Audited as referral.overrideReviewed with the outcome
 * (the note's text stays out of the trail). A flag notifies the sender and its agency's case workers.
 */
export async function reviewOverride(
  tx: Tx,
  keyring: Keyring,
  actor: Actor,
  audit: AuditContext,
  override: LoadedOverride,
  input: ReviewInput,
  now = new Date(),
): Promise<OverrideReviewItem> {
  if (override.reviewedAt) throw new AppError('CONFLICT', 'This consent override has already been reviewed', { reason: 'override_already_reviewed' });
  await tx
    .update(referrals)
    .set({
      overrideReviewedAt: now,
      overrideReviewedBy: actor.userId,
      overrideReviewOutcome: input.outcome,
      overrideReviewNoteEnc: sealOptional(keyring, referrals.overrideReviewNoteEnc, input.note),
      updatedAt: now,
    })
    .where(eq(referrals.id, override.id));
  await recordAudit(tx, audit, {
    action: 'referral.overrideReviewed',
    resourceType: 'referral',
    resourceId: override.id,
    changedFields: ['overrideReviewOutcome', ...(input.note ? ['overrideReviewNote'] : [])],
    details: { reference: override.reference, outcome: input.outcome, referringAgencyId: override.referringAgencyId },
  });
  if (input.outcome === 'flagged') {
    await notify(tx, {
      recipients: { userIds: [override.referredBy], agencyId: override.referringAgencyId, roles: ['first_responder', 'case_manager'] },
      kind: 'override_flagged',
      resourceType: 'referral',
      resourceId: override.id,
      params: { reference: override.reference },
      exceptUserId: actor.userId,
    });
  }
  const [row] = await selectOverrides(tx, actor).where(eq(referrals.id, override.id));
  return presentOverride(keyring, row!);
}
