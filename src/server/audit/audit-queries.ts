import { and, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditListQuery } from '@shared/api/admin.js';
import type { PageQuery } from '@shared/api/pagination.js';
import type { Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { agencies, auditEvents, users } from '../db/schema/index.js';

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * What a person calls the record an event is about: the number of a case or referral, the reference of a
 * report or screening, the name of a user or an agency. One scalar subquery per row of a page, each on a
 * primary key (the id is cast only when it is a UUID, so an odd resource id cannot fail the page).
 */
const resourceLabel = sql<string | null>`CASE
  WHEN ${auditEvents.resourceId} !~ ${sql.raw(UUID)} THEN NULL
  WHEN ${auditEvents.resourceType} = 'case' THEN (SELECT c.case_number FROM cases c WHERE c.id = ${auditEvents.resourceId}::uuid)
  WHEN ${auditEvents.resourceType} = 'report' THEN (SELECT r.reference FROM reports r WHERE r.id = ${auditEvents.resourceId}::uuid)
  WHEN ${auditEvents.resourceType} = 'referral' THEN (SELECT r.reference FROM referrals r WHERE r.id = ${auditEvents.resourceId}::uuid)
  WHEN ${auditEvents.resourceType} = 'screening' THEN (SELECT s.reference FROM screenings s WHERE s.id = ${auditEvents.resourceId}::uuid)
  WHEN ${auditEvents.resourceType} = 'user' THEN (SELECT u.display_name FROM users u WHERE u.id = ${auditEvents.resourceId}::uuid)
  WHEN ${auditEvents.resourceType} = 'agency' THEN (SELECT a.name FROM agencies a WHERE a.id = ${auditEvents.resourceId}::uuid)
END`;

/** The auditor's filters as one SQL condition (a day range is [from 00:00, the day after `to`) in UTC). */
export function auditFilters(query: Omit<AuditListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const filters: SQL[] = [];
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  if (query.actor) filters.push(ilike(auditEvents.actorUsername, `${query.actor.replace(/[\\%_]/g, '\\$&')}%`));
  if (query.resourceId) filters.push(eq(auditEvents.resourceId, query.resourceId));
  if (query.resourceType) filters.push(eq(auditEvents.resourceType, query.resourceType));
  if (query.outcome) filters.push(eq(auditEvents.outcome, query.outcome));
  if (query.from) filters.push(gte(auditEvents.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) filters.push(lt(auditEvents.occurredAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  return filters.length ? and(...filters) : undefined;
}

/** The columns of an event as the auditor reads them. */
const eventColumns = { event: auditEvents, agencyName: agencies.name, actorName: users.displayName, resourceLabel };

/**
 * One page of audit events matching `where`, newest first, each with its actor's agency and name and its
 * record's label, and the total: the auditor's trail and a case's access history read it the same way.
 */
export async function auditEventPage(tx: Tx, where: SQL | undefined, { page, pageSize }: PageQuery) {
  const [rows, total] = await inOrder([
    tx
      .select(eventColumns)
      .from(auditEvents)
      .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    tx.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total[0]!.n };
}

/** Events matching `where` older than `beforeId` (keyset), newest first: the export reads the trail in steps. */
export async function auditEventsBefore(tx: Tx, where: SQL | undefined, beforeId: bigint | null, limit: number) {
  return tx
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(where, beforeId === null ? undefined : lt(auditEvents.id, beforeId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
