import { count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { reportDispatches, reports } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';

/**
 * A mark that moves whenever a report the actor may list arrives or changes:
 * how many there are, the latest change to one of them, and the latest
 * acknowledgement of one of their dispatches (which writes only the dispatch).
 * Scoped exactly like the list (`report.list`), so it says nothing about
 * reports outside it; it carries no content, only "something changed".
 */
export async function reportsPulse(tx: Tx, actor: Actor): Promise<string> {
  const scope = inScope(actor, 'report.list', 'report');
  // One after the other: inside a transaction the queries share one connection.
  const [reportsMark] = await tx.select({ n: count(), changed: sql<string | null>`max(${reports.updatedAt})::text` }).from(reports).where(scope);
  const [dispatchesMark] = await tx
    .select({ acknowledged: sql<string | null>`max(${reportDispatches.acknowledgedAt})::text` })
    .from(reportDispatches)
    .innerJoin(reports, eq(reports.id, reportDispatches.reportId))
    .where(scope);
  return [reportsMark!.n, reportsMark!.changed ?? '', dispatchesMark!.acknowledged ?? ''].join('|');
}
