import { and, inArray, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Db, Tx } from '../db/database.js';
import { grantedRelationships, type Actor } from './authorize.js';
import { compileRelationships, type AccessDefinition, type Relationship } from './relationships.js';
import { capacityAccess } from './access/capacity.js';
import { caseAccess } from './access/cases.js';
import { referralAccess, REFERRAL_SIDES } from './access/referrals.js';
import { reportAccess } from './access/reports.js';
import { screeningAccess } from './access/screenings.js';

export { REFERRAL_SIDES };

/**
 * Every resource whose records are scoped, by the name callers use. Who may
 * see what is decided here and nowhere else: a module asks `inScope` for the
 * SQL condition, or `idsInScope` for the subset of ids, and never builds one.
 */
export const ACCESS_DEFINITIONS = {
  case: caseAccess,
  report: reportAccess,
  referral: referralAccess,
  screening: screeningAccess,
  capacity: capacityAccess,
} as const satisfies Record<string, AccessDefinition>;

export type Resource = keyof typeof ACCESS_DEFINITIONS;

/**
 * "The record is within the actor's reach for `action`" as one SQL condition
 * over the resource's table, never NULL: the union of the relationships the
 * actor's roles are granted for that very action (`only` narrows them, e.g. to
 * one side of a referral). No grant → false, so the query returns nothing.
 */
export function inScope(actor: Actor, action: Action, resource: Resource, only?: readonly Relationship[]): SQL {
  const definition: AccessDefinition = ACCESS_DEFINITIONS[resource];
  if (!definition.actions.includes(action)) throw new Error(`${action} is not checked on ${resource} records`);
  const granted = grantedRelationships(actor, action).filter((relationship) => !only || only.includes(relationship));
  return compileRelationships(definition, actor, granted);
}

/** The subset of `ids` the actor may take `action` on, in one query (Immich's shape for bulk actions). */
export async function idsInScope(db: Db | Tx, actor: Actor, action: Action, resource: Resource, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const definition: AccessDefinition = ACCESS_DEFINITIONS[resource];
  const rows = await db
    .select({ id: definition.id })
    .from(definition.table)
    .where(and(inArray(definition.id, [...new Set(ids)]), inScope(actor, action, resource)));
  return new Set(rows.map((row) => row.id as string));
}
