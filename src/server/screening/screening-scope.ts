import { and, eq } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { Tx } from '../db/database.js';
import { screenings } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';

export type ScreeningRow = typeof screenings.$inferSelect;

/**
 * Loads one screening the actor may take `action` on, else 404 (another
 * agency's screening does not exist for them). Who reaches which screening is
 * decided in policies/access/screenings.ts.
 */
export async function loadScreeningInScope(tx: Tx, actor: Actor, action: Action, id: string, options: { forUpdate?: boolean } = {}): Promise<ScreeningRow> {
  const query = tx.select().from(screenings).where(and(eq(screenings.id, id), inScope(actor, action, 'screening')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Screening');
  return row;
}
