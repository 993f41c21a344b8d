import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { cases } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { scopeCondition } from '../policies/scopes.js';

export type CaseRow = typeof cases.$inferSelect;

/**
 * The SQL condition "this case is within the actor's scope for `action`".
 * Assigned means: named case manager, or listed in case_assignments (or the
 * creator, from the scope ladder).
 */
export function caseScope(actor: Actor, action: Action): SQL {
  return scopeCondition(actor, action, {
    ownerAgencyId: cases.ownerAgencyId,
    createdBy: cases.createdBy,
    assignedTo: (userId) =>
      or(
        eq(cases.caseManagerId, userId),
        sql`EXISTS (SELECT 1 FROM case_assignments ca WHERE ca.case_id = cases.id AND ca.user_id = ${userId})`,
      ) as SQL,
  });
}

/**
 * Loads one case if the actor may take `action` on it, else throws 404 (never
 * 403: a case outside one's scope does not exist for that user). Sub-resources
 * (notes, attachments, consents, access log) call this first, so they answer
 * 404 exactly when the case does. `forUpdate` locks the row for the transaction.
 */
export async function loadCaseInScope(tx: Tx, actor: Actor, action: Action, caseId: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const query = tx.select().from(cases).where(and(eq(cases.id, caseId), caseScope(actor, action)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Case');
  return row;
}

/** The subset of `caseIds` the actor may take `action` on, in one query. */
export async function caseIdsInScope(tx: Tx, actor: Actor, action: Action, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...caseIds]), caseScope(actor, action)));
  return new Set(rows.map((r) => r.id));
}
