import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { PageQuery } from '@shared/api/pagination.js';
import type { Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { agencies, auditEvents } from '../db/schema/index.js';

/**
 * One page of audit events matching `where`, newest first, each with its actor's agency name,
 * and the total: the auditor's trail and a case's access history read it the same way.
 */
export async function auditEventPage(tx: Tx, where: SQL | undefined, { page, pageSize }: PageQuery) {
  const [rows, total] = await inOrder([
    tx
      .select({ event: auditEvents, agencyName: agencies.name })
      .from(auditEvents)
      .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    tx.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total[0]!.n };
}
