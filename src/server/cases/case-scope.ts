import { and, eq } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { cases } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';

export type CaseRow = typeof cases.$inferSelect;

/**
 * Loads one case if the actor may take `action` on it, else throws 404 (never
 * 403: a case outside one's scope does not exist for that user). Sub-resources
 * (notes, attachments, consents, access log) call this first, so they answer
 * 404 exactly when the case does. `forUpdate` locks the row for the transaction.
 * Who reaches which case is decided in policies/access/cases.ts.
 */
export async function loadCaseInScope(tx: Tx, actor: Actor, action: Action, caseId: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const query = tx.select().from(cases).where(and(eq(cases.id, caseId), inScope(actor, action, 'case')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Case');
  return row;
}
