import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { can } from '../policies/authorize.js';
import { caseScope } from '../cases/case-scope.js';

export type ReferralRow = typeof referrals.$inferSelect;
export type Direction = 'incoming' | 'outgoing';

/**
 * "The actor receives this referral": a service provider whose agency is the
 * receiving agency. Only the service-provider role receives; a case worker in
 * an agency that also runs a service point does not see its incoming queue.
 */
export function receivingSide(actor: Actor, action: Action): SQL {
  if (!actor.roles.includes('service_provider') || !can({ roles: ['service_provider'] }, action)) return sql`false`;
  return eq(referrals.receivingAgencyId, actor.agencyId);
}

/**
 * "The actor referred this case": the case is within the actor's case scope
 * (agency for first responders, assigned for case managers). Queries using it
 * must join `cases` on the referral's case.
 */
export function sendingSide(actor: Actor, action: Action): SQL {
  if (!can(actor, action)) return sql`false`;
  return caseScope(actor, 'case.read');
}

/** Both sides (or one, with a direction) as one SQL condition; queries must join cases. */
export function referralScope(actor: Actor, action: Action, direction?: Direction): SQL {
  if (direction === 'incoming') return receivingSide(actor, action);
  if (direction === 'outgoing') return sendingSide(actor, action);
  return or(receivingSide(actor, action), sendingSide(actor, action))!;
}

/**
 * Loads one referral the actor may take `action` on (404 otherwise, never 403),
 * with whether the actor is on the sending side. `forUpdate` locks the row.
 */
export async function loadReferralInScope(
  tx: Tx,
  actor: Actor,
  action: Action,
  referralId: string,
  options: { side?: Direction; forUpdate?: boolean } = {},
): Promise<{ referral: ReferralRow; caseNumber: string; sending: boolean }> {
  const query = tx
    .select({ referral: referrals, caseNumber: cases.caseNumber, sending: sql<boolean>`(${sendingSide(actor, action)})` })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(eq(referrals.id, referralId), referralScope(actor, action, options.side)));
  const [row] = options.forUpdate ? await query.for('update', { of: referrals }) : await query;
  if (!row) throw notFound('Referral');
  return row;
}
