import { and, asc, count, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseListFilters } from '@shared/api/cases.js';
import type { PageQuery } from '@shared/api/pagination.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { auditEventPage } from '../audit/audit-queries.js';
import { agencies, auditEvents, cases, persons, users } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { listedCaseColumns, presentCaseListItems } from './case-presenter.js';
import { nameLookupKey } from './person-identity.js';
import { searchKeysFor } from './person-search-keys.js';

const CASE_NUMBER = /^SAN-\d{4}-\d{1,9}$/i;
const managers = alias(users, 'case_manager');

/**
 * A search term as one condition: a case number exactly, else a person whose
 * blind-index keys match the term: its full name, a document or phone number,
 * or every word of it as a name part (by spelling or cross-script skeleton).
 * One subquery over person_index_keys, driven by the (kind, key) index; names
 * are never decrypted to filter. An uncorrelated IN rather than a correlated
 * EXISTS: the grouped subquery (every word must match) cannot be flattened into
 * a semi-join, so EXISTS would run once per case in scope.
 */
function searchCondition(keyring: Keyring, q: string): SQL {
  if (CASE_NUMBER.test(q)) return eq(cases.caseNumber, q.toUpperCase());
  const { keys, words } = searchKeysFor(keyring, q, nameLookupKey(keyring, q));
  return sql`${cases.personId} IN (
    SELECT k.person_id FROM person_index_keys k
    JOIN unnest(${sql.param(keys.map((k) => k.term))}::int[], ${sql.param(keys.map((k) => k.kind))}::text[], ${sql.param(keys.map((k) => k.key))}::text[])
      AS t(term, kind, key) ON k.kind = t.kind AND k.key = t.key
    GROUP BY k.person_id
    HAVING bool_or(t.term = 0) OR count(DISTINCT t.term) FILTER (WHERE t.term > 0) = ${words})`;
}

/** What the list and its export both filter on, the actor's scope for `action` first: the export is the list, not a query of its own. */
export function caseListWhere(keyring: Keyring, actor: Actor, action: 'case.list' | 'case.export', filters: CaseListFilters): SQL {
  const { status, region, q, includeMerged, openedFrom, openedTo } = filters;
  const conditions: SQL[] = [inScope(actor, action, 'case')];
  if (status) conditions.push(eq(cases.status, status));
  if (region) conditions.push(eq(cases.region, region));
  if (includeMerged === 'false') conditions.push(isNull(cases.mergedIntoCaseId));
  if (openedFrom) conditions.push(gte(cases.openedAt, openedFrom));
  if (openedTo) conditions.push(lte(cases.openedAt, openedTo));
  if (q) conditions.push(searchCondition(keyring, q));
  return and(...conditions)!;
}

/** The sort column as an expression with a total order (a case without a region sorts as ''), and how a cursor value is typed. */
function sortKey(sort: CaseListFilters['sort']): { expr: SQL; cast: 'date' | 'text' } {
  switch (sort) {
    case 'openedAt':
      return { expr: sql`${cases.openedAt}`, cast: 'date' };
    case 'caseNumber':
      return { expr: sql`${cases.caseNumber}`, cast: 'text' };
    case 'status':
      return { expr: sql`${cases.status}`, cast: 'text' };
    case 'region':
      return { expr: sql`coalesce(${cases.region}, '')`, cast: 'text' };
  }
}

/** ORDER BY the chosen column, then the (unique) case number in the same direction. */
function orderOf(filters: CaseListFilters): SQL[] {
  const direction = filters.order === 'asc' ? asc : desc;
  return filters.sort === 'caseNumber' ? [direction(cases.caseNumber)] : [direction(sortKey(filters.sort).expr), direction(cases.caseNumber)];
}

/** Where the next page starts: the sort value and case number of the last row sent. */
export interface CaseCursor {
  value: string;
  caseNumber: string;
}

function after(filters: CaseListFilters, cursor: CaseCursor): SQL {
  const { expr, cast } = sortKey(filters.sort);
  const op = sql.raw(filters.order === 'asc' ? '>' : '<');
  const value = cast === 'date' ? sql`${cursor.value}::date` : sql`${cursor.value}::text`;
  return sql`(${expr}, ${cases.caseNumber}) ${op} (${value}, ${cursor.caseNumber}::text)`;
}

const listedColumns = {
  ...listedCaseColumns,
  ownerAgencyName: agencies.name,
  caseManagerName: managers.displayName,
  givenNameLatEnc: persons.givenNameLatEnc,
  familyNameLatEnc: persons.familyNameLatEnc,
  givenNameArEnc: persons.givenNameArEnc,
  familyNameArEnc: persons.familyNameArEnc,
  aliasesEnc: persons.aliasesEnc,
};

/** The listed columns; with the total by a window count for a page, without it for an export (it would count every page). */
function listedRows(tx: Tx, withTotal: boolean) {
  return tx
    .select({ ...listedColumns, total: withTotal ? sql<number>`(count(*) OVER ())::int` : sql<number>`0` })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .leftJoin(managers, eq(managers.id, cases.caseManagerId))
    .$dynamic();
}

/**
 * One page of the cases the actor may list, sorted as asked. The scope and
 * every filter are SQL conditions, so nothing is filtered in memory.
 */
export async function listCases(tx: Tx, keyring: Keyring, actor: Actor, filters: CaseListFilters & PageQuery) {
  const { page, pageSize } = filters;
  const where = caseListWhere(keyring, actor, 'case.list', filters);
  // One statement for the page and its total (a window count), the names' ciphertext joined in: the list is
  // read on every visit to the cases page, and each round trip costs more than the SQL it carries.
  const rows = await listedRows(tx, true)
    .where(where)
    .orderBy(...orderOf(filters))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // A page past the end has no row to carry the total: count it then (rare, and only then).
  const total = rows[0]?.total ?? (page > 1 ? (await tx.select({ n: count() }).from(cases).where(where))[0]!.n : 0);
  return { items: presentCaseListItems(keyring, rows), total };
}

/** How many cases an export of these filters holds (for its audit row). */
export async function countCases(tx: Tx, keyring: Keyring, actor: Actor, filters: CaseListFilters): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(cases).where(caseListWhere(keyring, actor, 'case.export', filters));
  return row!.n;
}

/**
 * One page of an export, after `cursor` in the list's order (keyset, so a deep
 * page costs no more than the first): the same conditions as the list, through
 * the export's own grant. Names are decrypted for these rows only.
 */
export async function exportPage(tx: Tx, keyring: Keyring, actor: Actor, filters: CaseListFilters, cursor: CaseCursor | null, size: number) {
  const where = caseListWhere(keyring, actor, 'case.export', filters);
  const rows = await listedRows(tx, false)
    .where(cursor ? and(where, after(filters, cursor)) : where)
    .orderBy(...orderOf(filters))
    .limit(size);
  const items = presentCaseListItems(keyring, rows);
  const last = items.at(-1);
  const next = last && items.length === size ? { value: cursorValue(filters, last), caseNumber: last.caseNumber } : null;
  return { items, next };
}

function cursorValue(filters: CaseListFilters, item: { openedAt: string; caseNumber: string; status: string; region: string | null }): string {
  if (filters.sort === 'openedAt') return item.openedAt;
  if (filters.sort === 'region') return item.region ?? '';
  return filters.sort === 'status' ? item.status : item.caseNumber;
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
