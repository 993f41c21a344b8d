import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { caseListQuery } from '@shared/api/cases.js';
import type { PageQuery } from '@shared/api/pagination.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { auditEventPage } from '../audit/audit-queries.js';
import { agencies, auditEvents, cases, persons, users } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { listedCaseColumns, presentCaseListItems } from './case-presenter.js';
import { nameLookupKey } from './person-identity.js';

const CASE_NUMBER = /^SAN-\d{4}-\d{1,9}$/i;
const managers = alias(users, 'case_manager');

type CaseListFilters = z.output<typeof caseListQuery> & PageQuery;

/**
 * One page of the cases the actor may list, newest first. Search is an exact
 * blind-index lookup of a name (or a case number): names are never decrypted
 * to filter, and the scope is a SQL condition, so nothing is filtered in memory.
 */
export async function listCases(tx: Tx, keyring: Keyring, actor: Actor, filters: CaseListFilters) {
  const { page, pageSize, status, region, q, includeMerged } = filters;
  const conditions: SQL[] = [inScope(actor, 'case.list', 'case')];
  if (status) conditions.push(eq(cases.status, status));
  if (region) conditions.push(eq(cases.region, region));
  if (includeMerged === 'false') conditions.push(isNull(cases.mergedIntoCaseId));
  if (q && CASE_NUMBER.test(q)) conditions.push(eq(cases.caseNumber, q.toUpperCase()));
  else if (q) {
    conditions.push(sql`EXISTS (SELECT 1 FROM person_index_keys k WHERE k.person_id = ${cases.personId} AND k.kind = 'name' AND k.key = ${nameLookupKey(keyring, q)})`);
  }
  const where = and(...conditions);
  // One statement for the page and its total (a window count), the names' ciphertext joined in: the list is
  // read on every visit to the cases page, and each round trip costs more than the SQL it carries.
  const query = () =>
    tx
      .select({
        ...listedCaseColumns,
        ownerAgencyName: agencies.name,
        caseManagerName: managers.displayName,
        givenNameLatEnc: persons.givenNameLatEnc,
        familyNameLatEnc: persons.familyNameLatEnc,
        givenNameArEnc: persons.givenNameArEnc,
        familyNameArEnc: persons.familyNameArEnc,
        aliasesEnc: persons.aliasesEnc,
        total: sql<number>`(count(*) OVER ())::int`,
      })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
      .leftJoin(managers, eq(managers.id, cases.caseManagerId))
      .where(where)
      .orderBy(desc(cases.openedAt), desc(cases.caseNumber))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  const rows = await query();
  // A page past the end has no row to carry the total: count it then (rare, and only then).
  const total = rows[0]?.total ?? (page > 1 ? (await tx.select({ n: count() }).from(cases).where(where))[0]!.n : 0);
  return { items: presentCaseListItems(keyring, rows), total };
}

/** One page of who did what to a case (already loaded in scope), newest first. */
export async function listCaseAccessLog(tx: Tx, caseId: string, page: PageQuery) {
  const { rows, total } = await auditEventPage(tx, and(eq(auditEvents.resourceType, 'case'), eq(auditEvents.resourceId, caseId)), page);
  return {
    items: rows.map(({ event, agencyName }) => ({
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      actorUsername: event.actorUsername,
      actorRole: event.actorRole,
      agencyName,
      action: event.action,
      outcome: event.outcome,
    })),
    total,
  };
}
