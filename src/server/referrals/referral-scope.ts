import { and, eq, sql } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';

export type ReferralRow = typeof referrals.$inferSelect;
export type Direction = keyof typeof REFERRAL_SIDES;

/**
 * Loads one referral the actor may take `action` on (404 otherwise, never 403),
 * from one side only when `side` is given, with whether the actor is on the
 * sending side. `forUpdate` locks the row. Who stands on which side is decided
 * in policies/access/referrals.ts, from the grants of `action` itself.
 */
export async function loadReferralInScope(
  tx: Tx,
  actor: Actor,
  action: Action,
  referralId: string,
  options: { side?: Direction; forUpdate?: boolean } = {},
): Promise<{ referral: ReferralRow; caseNumber: string; sending: boolean }> {
  const query = tx
    .select({ referral: referrals, caseNumber: cases.caseNumber, sending: sql<boolean>`${inScope(actor, action, 'referral', REFERRAL_SIDES.outgoing)}` })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(eq(referrals.id, referralId), inScope(actor, action, 'referral', options.side && REFERRAL_SIDES[options.side])));
  const [row] = options.forUpdate ? await query.for('update', { of: referrals }) : await query;
  if (!row) throw notFound('Referral');
  return row;
}
