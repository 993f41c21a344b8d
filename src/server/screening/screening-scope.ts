import { and, eq, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { screenings } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { scopeCondition } from '../policies/scopes.js';

export type ScreeningRow = typeof screenings.$inferSelect;

/** "This screening is within the actor's scope for `action`" as SQL (first responders: their agency's screenings). */
export function screeningScope(actor: Actor, action: Action): SQL {
  return scopeCondition(actor, action, { ownerAgencyId: screenings.ownerAgencyId, createdBy: screenings.createdBy });
}

/** Loads one screening the actor may take `action` on, else 404 (another agency's screening does not exist for them). */
export async function loadScreeningInScope(tx: Tx, actor: Actor, action: Action, id: string, options: { forUpdate?: boolean } = {}): Promise<ScreeningRow> {
  const query = tx.select().from(screenings).where(and(eq(screenings.id, id), screeningScope(actor, action)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Screening');
  return row;
}
