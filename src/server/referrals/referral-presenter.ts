import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Action } from '@shared/actions.js';
import type { ReferralDetail, ReferralListItem, ReferralSettings, ReferralSnapshot, ShareableField } from '@shared/api/referrals.js';
import type { ServiceType } from '@shared/api/providers.js';
import { openOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, cases, referrals, serviceProviders } from '../db/schema/index.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import { allowedActionsOn, type Actor } from '../policies/authorize.js';
import { receiverSharing } from './referral-sharing.js';
import { dueAtOf } from './referral-settings.js';
import { openSnapshot } from './referral-snapshot.js';
import { TRANSITIONS, type Transition } from './referral-lifecycle.js';

const receiving = alias(agencies, 'receiving_agency');
const referring = alias(agencies, 'referring_agency');

/** The joined columns every referral view needs (callers add where/order/limit). */
export function selectReferrals(db: Db | Tx, actor: Actor, action: Action) {
  return db
    .select({
      referral: referrals,
      caseNumber: cases.caseNumber,
      providerName: serviceProviders.name,
      receivingAgencyName: receiving.name,
      referringAgencyName: referring.name,
      sending: sql<boolean>`${inScope(actor, action, 'referral', REFERRAL_SIDES.outgoing)}`,
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(serviceProviders, eq(serviceProviders.id, referrals.providerId))
    .innerJoin(receiving, eq(receiving.id, referrals.receivingAgencyId))
    .innerJoin(referring, eq(referring.id, referrals.referringAgencyId));
}
export type JoinedReferral = Awaited<ReturnType<ReturnType<typeof selectReferrals>['execute']>>[number];

/** Sent referrals first, then the rest; oldest first within each (the shelter's queue order). */
export const QUEUE_ORDER: SQL[] = [sql`CASE ${referrals.status} WHEN 'sent' THEN 0 ELSE 1 END`, sql`${referrals.sentAt} ASC`];

/** One referral as a list row: the case is only named to the referring side. */
export function presentReferralListItem(row: JoinedReferral, settings: ReferralSettings, now = new Date()): ReferralListItem {
  const r = row.referral;
  const dueAt = dueAtOf(settings, r.sentAt, r.urgency);
  return {
    id: r.id,
    reference: r.reference,
    direction: row.sending ? 'outgoing' : 'incoming',
    status: r.status as ReferralListItem['status'],
    urgency: r.urgency as ReferralListItem['urgency'],
    serviceType: r.serviceType as ServiceType,
    providerName: row.providerName,
    receivingAgencyName: row.receivingAgencyName,
    referringAgencyName: row.referringAgencyName,
    caseId: row.sending ? r.caseId : null,
    caseNumber: row.sending ? row.caseNumber : null,
    sentAt: r.sentAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    dueAt: dueAt.toISOString(),
    overdue: r.status === 'sent' && dueAt.getTime() <= now.getTime(),
    consentOverride: r.consentOverride,
  };
}

/** The transitions the actor may make now, from the referral's side, status and (to accept) the sharing decision. */
function transitionsFor(actor: Actor, row: JoinedReferral, sharingAllowed: boolean): ReferralDetail['allowedTransitions'] {
  const side = row.sending ? 'outgoing' : 'incoming';
  const action = (t: Transition) => (t === 'cancel' ? 'referral.cancel' : 'referral.respond');
  const list: ReferralDetail['allowedTransitions'] = (Object.keys(TRANSITIONS) as Transition[]).filter(
    (t) =>
      TRANSITIONS[t].side === side &&
      TRANSITIONS[t].from.includes(row.referral.status as never) &&
      allowedActionsOn(actor, [action(t)]).length > 0 &&
      (t !== 'accept' || sharingAllowed),
  );
  if (['accepted', 'in_progress'].includes(row.referral.status) && allowedActionsOn(actor, ['service.record']).length > 0 && side === 'incoming') list.push('recordService');
  return list;
}

/**
 * The full referral as its reader sees it: only the shared fields, never the case.
 * The receiver gets the snapshot and the reason written for it only while
 * `receiverSharing` allows (the sender's own case data is always theirs); this
 * is the only place the snapshot is opened, and the detail, the transition
 * answers and the create answer all come through here.
 */
export async function presentReferralDetail(tx: Tx, keyring: Keyring, actor: Actor, row: JoinedReferral, settings: ReferralSettings): Promise<ReferralDetail> {
  const r = row.referral;
  const sharingAllowed = row.sending || (await receiverSharing(tx, r)).allowed;
  const snapshot: ReferralSnapshot | null = sharingAllowed ? openSnapshot(keyring, r.snapshotEnc) : null;
  return {
    ...presentReferralListItem(row, settings),
    reason: r.reason as ReferralDetail['reason'],
    reasonDetails: sharingAllowed ? openOptional(keyring, referrals.reasonDetailsEnc, r.reasonDetailsEnc) : null,
    providerId: r.providerId,
    declinedAt: r.declinedAt?.toISOString() ?? null,
    startedAt: r.startedAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    declineReason: r.declineReason as ReferralDetail['declineReason'],
    declineNote: openOptional(keyring, referrals.declineNoteEnc, r.declineNoteEnc),
    cancelNote: openOptional(keyring, referrals.cancelNoteEnc, r.cancelNoteEnc),
    minutesToAcceptance: r.acceptedAt ? Math.round((r.acceptedAt.getTime() - r.sentAt.getTime()) / 60_000) : null,
    sharedFields: r.sharedFields as ShareableField[],
    snapshot,
    snapshotWithheld: !sharingAllowed,
    bedHeld: r.bedHeld,
    allowedActions: allowedActionsOn(actor, row.sending ? ['referral.read', 'referral.cancel', 'service.list'] : ['referral.read', 'referral.respond', 'service.list', 'service.record']),
    allowedTransitions: transitionsFor(actor, row, sharingAllowed),
  };
}
