import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Role } from '@shared/roles.js';
import type { Db } from '../db/database.js';
import { cases, reportCases, reports } from '../db/schema/index.js';
import { demoUser, insertFixtureCase } from '../notifications/test-fixtures.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { ACCESS_DEFINITIONS, idsInScope, inScope, REFERRAL_SIDES, type Resource } from './access.js';
import type { Actor } from './authorize.js';
import { throughLinked, type AccessDefinition } from './relationships.js';

// Every relationship of every resource, run as SQL on the demo pathway plus a
// few rows chosen for their NULLs (a case without case manager or region, a
// public report without owner or creator).
let sanad: TestSanad;
let db: Db;
let actors: Actor[];
let orphanCaseId: string;
const byName = (username: string) => actors.find((a) => a.username === username)!;
const query = async <T>(text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows as T[];

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  db = sanad.ctx.database.db;
  // A gendarmerie case without case manager or region, opened (as far as scope goes) by a user with no case grant.
  const [gendarmerie] = await query<{ id: string }>(`SELECT id FROM agencies WHERE name LIKE 'Royal Gendarmerie%'`);
  const hotline = await demoUser(sanad.ctx.database.pool, 'hotline');
  orphanCaseId = await insertFixtureCase(sanad.ctx.database.pool, { caseNumber: 'SAN-2026-900001', ownerAgencyId: gendarmerie!.id, createdBy: hotline.id, caseManagerId: null });
  await query(`INSERT INTO reports (reference, kind, channel, urgency, received_at) VALUES ('R-2026-900001', 'trafficking_suspicion', 'online_form', 'standard', now())`);
  // Region codes on two agencies (the demo names its regions in words, which match no record).
  await query(`UPDATE agencies SET region = 'MA-06' WHERE id = (SELECT agency_id FROM users WHERE username = 'responder')`);
  await query(`UPDATE agencies SET region = 'MA-01' WHERE id = $1`, [gendarmerie!.id]);
  await query(`UPDATE cases SET region = 'MA-06' WHERE id IN (SELECT id FROM cases WHERE id <> $1 ORDER BY case_number LIMIT 3)`, [orphanCaseId]);
  await query(`UPDATE reports SET region = 'MA-06' WHERE id IN (SELECT id FROM reports ORDER BY reference LIMIT 3)`);
  await query(`UPDATE screenings SET region = 'MA-06' WHERE id IN (SELECT id FROM screenings ORDER BY reference LIMIT 3)`);
  actors = (await query<{ id: string; username: string; agency_id: string; roles: Role[] }>(`SELECT id, username, agency_id, roles FROM users ORDER BY username`)).map(
    (u) => ({ userId: u.id, username: u.username, agencyId: u.agency_id, roles: u.roles }),
  );
});
afterAll(async () => sanad?.close());

/** How many rows of `table` `predicate` holds on, fails on, and leaves NULL. */
async function tally(table: PgTable, predicate: SQL) {
  const [row] = await db
    .select({
      inside: sql<number>`count(*) FILTER (WHERE ${predicate})::int`,
      outside: sql<number>`count(*) FILTER (WHERE NOT (${predicate}))::int`,
      unknown: sql<number>`count(*) FILTER (WHERE (${predicate}) IS NULL)::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(table);
  return row!;
}

/** The ids of `table` where `predicate` holds. */
async function idsWhere(definition: AccessDefinition, predicate: SQL): Promise<string[]> {
  const rows = await db.select({ id: definition.id }).from(definition.table).where(predicate);
  return rows.map((r) => r.id as string).sort();
}

const RESOURCES = Object.keys(ACCESS_DEFINITIONS) as Resource[];

describe('each relationship predicate', () => {
  it('is true or false on every row, never NULL, so NOT (predicate) is its exact complement', async () => {
    const seen = new Map<string, { inside: number; outside: number }>();
    for (const resource of RESOURCES) {
      const definition: AccessDefinition = ACCESS_DEFINITIONS[resource];
      for (const [relationship, predicate] of Object.entries(definition.relationships)) {
        for (const actor of actors) {
          const t = await tally(definition.table, predicate(actor));
          const label = `${resource}.${relationship} for ${actor.username}`;
          expect(t.unknown, label).toBe(0);
          expect(t.inside + t.outside, label).toBe(t.total);
          const sum = seen.get(`${resource}.${relationship}`) ?? { inside: 0, outside: 0 };
          seen.set(`${resource}.${relationship}`, { inside: sum.inside + t.inside, outside: sum.outside + t.outside });
        }
      }
    }
    // Not vacuous: every relationship selects some rows and leaves others out for some actor.
    for (const [name, sum] of seen) {
      expect(sum.inside, `${name} selects nothing`).toBeGreaterThan(0);
      expect(sum.outside, `${name} excludes nothing`).toBeGreaterThan(0);
    }
  });

  it('is never NULL either once combined for an action (inScope), for every action of every resource and every role', async () => {
    for (const resource of RESOURCES) {
      for (const action of ACCESS_DEFINITIONS[resource].actions) {
        for (const actor of actors) {
          const t = await tally(ACCESS_DEFINITIONS[resource].table, inScope(actor, action, resource));
          expect(t.unknown, `${resource} ${action} ${actor.username}`).toBe(0);
          expect(t.inside + t.outside).toBe(t.total);
        }
      }
    }
  });

  it('treats a case without a case manager as not assigned (false), so it shows up under NOT', async () => {
    const manager = byName('casemanager');
    const assigned = ACCESS_DEFINITIONS.case.relationships.assigned(manager);
    expect(await idsWhere(ACCESS_DEFINITIONS.case, sql`${cases.id} = ${orphanCaseId} AND ${assigned}`)).toEqual([]);
    expect(await idsWhere(ACCESS_DEFINITIONS.case, sql`${cases.id} = ${orphanCaseId} AND NOT ${assigned}`)).toEqual([orphanCaseId]);
    // The case manager's whole scope: the orphan case is outside it and inside its complement.
    const scope = inScope(manager, 'case.read', 'case');
    expect(await idsWhere(ACCESS_DEFINITIONS.case, sql`${cases.id} = ${orphanCaseId} AND NOT ${scope}`)).toEqual([orphanCaseId]);
  });

  it('treats a public report (no owner, no creator) as nobody’s through those relationships', async () => {
    const responder = byName('responder');
    const [publicReport] = await query<{ id: string }>(`SELECT id FROM reports WHERE reference = 'R-2026-900001'`);
    for (const relationship of ['ownerAgency', 'creator'] as const) {
      const predicate = ACCESS_DEFINITIONS.report.relationships[relationship](responder);
      expect(await idsWhere(ACCESS_DEFINITIONS.report, sql`${reports.id} = ${publicReport!.id} AND NOT ${predicate}`)).toEqual([publicReport!.id]);
    }
  });
});

describe('the region relationship', () => {
  it('selects the records in the region of the actor’s agency, and nothing for an agency without one', async () => {
    const responder = byName('responder');
    const region = ACCESS_DEFINITIONS.case.relationships.region;
    const expected = (await query<{ id: string }>(`SELECT id FROM cases WHERE region = 'MA-06' ORDER BY id`)).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(ACCESS_DEFINITIONS.case, region(responder))).toEqual(expected);
    // The complement holds the cases of other regions and those without a region (the orphan case).
    const outside = await idsWhere(ACCESS_DEFINITIONS.case, sql`NOT ${region(responder)}`);
    expect(outside).toContain(orphanCaseId);
    expect(outside.length + expected.length).toBe((await query(`SELECT id FROM cases`)).length);
    // The administrators' agency has no region: it reaches nothing by region.
    expect(await idsWhere(ACCESS_DEFINITIONS.case, region(byName('admin')))).toEqual([]);
  });
});

describe('the through-linked-record relationship', () => {
  it('reaches a case through a link table to a report in scope (as a proceeding will for justice)', async () => {
    const responder = byName('responder');
    // Link a report the police unit reaches to the gendarmerie's orphan case.
    const [report] = await query<{ id: string }>(`SELECT report_id AS id FROM report_dispatches WHERE agency_id = $1 LIMIT 1`, [responder.agencyId]);
    await query(`INSERT INTO report_cases (report_id, case_id) VALUES ($1, $2)`, [report!.id, orphanCaseId]);
    const throughReport = throughLinked(
      { table: reports, id: reports.id },
      { table: reportCases, recordKey: reportCases.caseId, targetKey: reportCases.reportId, recordId: cases.id },
      inScope(responder, 'report.read', 'report'),
    );
    const expected = (
      await query<{ id: string }>(
        `SELECT c.id FROM cases c WHERE EXISTS (SELECT 1 FROM report_cases rc JOIN reports r ON r.id = rc.report_id WHERE rc.case_id = c.id
           AND (r.owner_agency_id = $1 OR EXISTS (SELECT 1 FROM report_dispatches d WHERE d.report_id = r.id AND d.agency_id = $1)))`,
        [responder.agencyId],
      )
    ).map((r) => r.id).sort();
    expect(expected).toContain(orphanCaseId);
    expect(await idsWhere(ACCESS_DEFINITIONS.case, throughReport)).toEqual(expected);
    const t = await tally(cases, throughReport);
    expect(t.unknown).toBe(0);
    expect(t.outside).toBe(t.total - expected.length);
    // Without the link, the responder does not reach the gendarmerie's case at all.
    expect(await idsInScope(db, responder, 'case.read', 'case', [orphanCaseId])).toEqual(new Set());
  });

  it('reaches a referral through its case by foreign key: the sending side is the case’s relationship', async () => {
    const responder = byName('responder');
    const expected = (
      await query<{ id: string }>(`SELECT r.id FROM referrals r JOIN cases c ON c.id = r.case_id WHERE c.owner_agency_id = $1`, [responder.agencyId])
    ).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(ACCESS_DEFINITIONS.referral, inScope(responder, 'referral.read', 'referral', REFERRAL_SIDES.outgoing))).toEqual(expected);
    // A shelter receives; it never sends (it has no relationship to cases).
    const shelter = byName('shelter');
    expect(await idsWhere(ACCESS_DEFINITIONS.referral, inScope(shelter, 'referral.read', 'referral', REFERRAL_SIDES.outgoing))).toEqual([]);
    const received = (await query<{ id: string }>(`SELECT id FROM referrals WHERE receiving_agency_id = $1`, [shelter.agencyId])).map((r) => r.id).sort();
    expect(received.length).toBeGreaterThan(0);
    expect(await idsWhere(ACCESS_DEFINITIONS.referral, inScope(shelter, 'referral.read', 'referral'))).toEqual(received);
  });
});

describe('idsInScope', () => {
  it('answers, for a set of ids, exactly the rows inScope selects, and drops unknown ids', async () => {
    for (const resource of RESOURCES) {
      const definition: AccessDefinition = ACCESS_DEFINITIONS[resource];
      const all = await idsWhere(definition, sql`true`);
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const actor of actors) {
        for (const action of definition.actions.slice(0, 2)) {
          const expected = await idsWhere(definition, inScope(actor, action, resource));
          const answered = await idsInScope(db, actor, action, resource, [...all, unknown]);
          expect([...answered].sort(), `${resource} ${action} ${actor.username}`).toEqual(expected);
        }
      }
    }
    expect(await idsInScope(db, byName('responder'), 'case.read', 'case', [])).toEqual(new Set());
  });
});
