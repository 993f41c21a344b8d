import { eq, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import { scopeFor, type Actor } from './authorize.js';

/** The columns of a scoped table that the scope ladder looks at. */
export interface ScopedRecord {
  /** The agency that owns the record. */
  ownerAgencyId: SQLWrapper;
  /** The user who created it. */
  createdBy: SQLWrapper;
  /** SQL true when `userId` is assigned to the record (e.g. an EXISTS on an assignment table). */
  assignedTo?: (userId: string) => SQL;
}

/**
 * Compiles the actor's scope for `action` into a SQL condition, so lists,
 * searches, statistics and exports all filter in the database through the same
 * rule. No grant → `false`: the query returns nothing.
 */
export function scopeCondition(actor: Actor, action: Action, record: ScopedRecord): SQL {
  const scope = scopeFor(actor, action);
  switch (scope) {
    case null:
      return sql`false`;
    case 'national':
      return sql`true`;
    case 'agency':
      return eq(record.ownerAgencyId as never, actor.agencyId);
    case 'assigned': {
      const own = eq(record.createdBy as never, actor.userId);
      return record.assignedTo ? (or(own, record.assignedTo(actor.userId)) as SQL) : own;
    }
    case 'own':
      return eq(record.createdBy as never, actor.userId);
  }
}
