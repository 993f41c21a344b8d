import type { SQL } from 'drizzle-orm';
import { cases, referrals } from '../../db/schema/index.js';
import type { Actor } from '../authorize.js';
import { sameValue, throughLinked, type AccessDefinition, type Relationship } from '../relationships.js';
import { caseAccess } from './cases.js';

/** A referral reached through its case: the case's own relationship, over the referred case. */
function throughCase(relationship: 'ownerAgency' | 'creator' | 'assigned') {
  return (actor: Actor): SQL => throughLinked({ table: cases, id: cases.id }, { foreignKey: referrals.caseId }, caseAccess.relationships[relationship](actor));
}

/**
 * Who stands to a referral. The receiving side is the agency it was sent to;
 * the sending side reaches it through the referred case, with the same
 * relationship it has to that case (owner agency, creator, assigned).
 */
export const referralAccess = {
  resource: 'referral',
  table: referrals,
  id: referrals.id,
  actions: ['referral.list', 'referral.read', 'referral.create', 'referral.respond', 'referral.cancel', 'service.list', 'service.record', 'worklist.shelter'],
  relationships: {
    receivingAgency: (actor) => sameValue(referrals.receivingAgencyId, actor.agencyId),
    ownerAgency: throughCase('ownerAgency'),
    creator: throughCase('creator'),
    assigned: throughCase('assigned'),
  },
} satisfies AccessDefinition;

/** The relationships of each side of a referral: who receives it, and who sent it (through the case). */
export const REFERRAL_SIDES: Record<'incoming' | 'outgoing', readonly Relationship[]> = {
  incoming: ['receivingAgency'],
  outgoing: ['ownerAgency', 'creator', 'assigned'],
};
