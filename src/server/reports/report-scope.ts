import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Db, Tx } from '../db/database.js';
import { reportDispatches, reports } from '../db/schema/index.js';
import { scopeFor, type Actor } from '../policies/authorize.js';
import { scopeCondition } from '../policies/scopes.js';

/**
 * The actor's reach over reports as one SQL condition. On top of the common
 * ladder, `agency` scope also covers every report dispatched to the actor's
 * agency: that is how a police unit sees the emergency it was sent to.
 */
export function reportScopeCondition(db: Db | Tx, actor: Actor, action: Action): SQL {
  const base = scopeCondition(actor, action, { ownerAgencyId: reports.ownerAgencyId, createdBy: reports.createdBy });
  if (scopeFor(actor, action) !== 'agency') return base;
  const dispatchedToAgency = db
    .select({ one: sql`1` })
    .from(reportDispatches)
    .where(and(eq(reportDispatches.reportId, reports.id), eq(reportDispatches.agencyId, actor.agencyId)));
  return or(base, exists(dispatchedToAgency))!;
}
