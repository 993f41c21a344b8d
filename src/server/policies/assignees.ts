import { sql, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import { ROLES, type Role } from '@shared/roles.js';
import { users } from '../db/schema/index.js';
import { grantedRelationships } from './authorize.js';
import { anyOf } from './relationships.js';

/** What the question needs to know about the case. */
export interface AssignedCase {
  ownerAgencyId: string;
  createdBy: string;
}

/**
 * "This user would reach the case for `action` once assigned to it", as SQL
 * over `users` (never NULL), from the same grant table as the case scope: a
 * role granted `action` through `assigned` (or `all`) reaches any case it is
 * assigned to; through `ownerAgency` only if the user is in the case's owner
 * agency; through `creator` only if the user opened it. Relationships that do
 * not follow from an assignment (region, receiving agency) reach nothing here:
 * an assignment must never be offered to someone it would not let in.
 * Whether the user is active is the caller's condition.
 */
export function wouldReachOnceAssigned(action: Action, kase: AssignedCase): SQL {
  const predicates: SQL[] = [];
  for (const role of ROLES) {
    const granted = grantedRelationships({ roles: [role] }, action);
    if (granted.length === 0) continue;
    const holds = holdsRole(role);
    if (granted.includes('all') || granted.includes('assigned')) predicates.push(holds);
    else {
      if (granted.includes('ownerAgency')) predicates.push(sql`(${holds} AND ${users.agencyId} = ${kase.ownerAgencyId})`);
      if (granted.includes('creator')) predicates.push(sql`(${holds} AND ${users.id} = ${kase.createdBy})`);
    }
  }
  return anyOf(predicates);
}

/** The roles granted `action` through `relationship` (e.g. who may accept a transfer addressed to their agency). */
export function rolesGranted(action: Action, relationship: 'receivingAgency' | 'ownerAgency' | 'assigned'): Role[] {
  return ROLES.filter((role) => grantedRelationships({ roles: [role] }, action).includes(relationship));
}

function holdsRole(role: Role): SQL {
  // users.roles is NOT NULL, so `= ANY` is true or false.
  return sql`(${role} = ANY(${users.roles}))`;
}
