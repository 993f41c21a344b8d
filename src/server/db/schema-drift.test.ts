import { integer, pgTable, text, uuid, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_CODES, REGIONS } from '@shared/geo/regions.js';
import { CTDC_AGE_BANDS } from '@shared/htcds/age-bands.js';
import { RISK_LEVELS } from '@shared/htcds/case.js';
import { COUNTRY_CODES } from '@shared/htcds/countries.js';
import { PRS_GENDERS } from '@shared/htcds/person.js';
import { EXPLOITATION_FORMS, TRAFFICKING_STATUSES } from '@shared/htcds/victim.js';
import { ROLES } from '@shared/roles.js';
import { openTestDatabase } from '../test/test-database.js';
import type { Database } from './database.js';
import * as schema from './schema/index.js';
import {
  codeListDifferences, codesOfCheck, columnDifferences, databaseCodeLists, databaseColumns, drizzleCodeLists, drizzleColumns, drizzleTables, udtOfDrizzleType,
  type CodeList, type ColumnShape,
} from './schema-drift.js';

/**
 * The SQL migrations are the schema; src/server/db/schema/ is a hand-kept Drizzle mirror of them.
 * A freshly migrated database and the mirror must agree on every table and column, and every coded
 * column's CHECK list must hold exactly the codes of the src/shared list its Drizzle enum imports.
 */

// Country columns: held by foreign keys to the countries reference table instead of a CHECK list.
const COUNTRY_KEYS = ['trafficking_events.country', 'screenings.nationality', 'case_returns.return_country'];
// Coded columns the database holds by that table: the keys, the citizenships array (a trigger
// checks it against the table) and the table's own column.
const BY_COUNTRY_TABLE = new Set([...COUNTRY_KEYS, 'persons.citizenships', 'countries.code']);

const tables = drizzleTables(schema);

describe('comparing a Drizzle mirror with a database (the comparison itself)', () => {
  const database: ColumnShape[] = [
    { table: 'cases', column: 'id', type: 'uuid', nullable: false },
    { table: 'cases', column: 'region', type: 'text', nullable: true },
    { table: 'cases', column: 'version', type: 'int4', nullable: false },
  ];
  const mirrorOf = (columns: Record<string, PgColumnBuilderBase>) => drizzleColumns([pgTable('cases', columns)]);

  it('finds nothing when they agree', () => {
    expect(columnDifferences(mirrorOf({ id: uuid('id').primaryKey(), region: text('region'), version: integer('version').notNull() }), database)).toEqual([]);
  });

  it('reports a wrong type, a wrong nullability, and a column or table missing on either side', () => {
    const wrong = mirrorOf({ id: uuid('id').primaryKey(), region: integer('region'), version: integer('version'), extra: text('extra') });
    expect(columnDifferences(wrong, database)).toEqual([
      'column cases.region: type int4 in the Drizzle schema, text in the database',
      'column cases.version: nullable in the Drizzle schema, NOT NULL in the database',
      'column cases.extra: in the Drizzle schema, not in the database',
    ]);
    const missing = mirrorOf({ id: uuid('id').primaryKey(), version: integer('version').notNull() });
    expect(columnDifferences(missing, database)).toEqual(['column cases.region: in the database, not in the Drizzle schema']);
    expect(columnDifferences([], database)).toEqual(['table cases: in the database, not in the Drizzle schema']);
    expect(columnDifferences(mirrorOf({ id: uuid('id') }), [])).toEqual(['table cases: in the Drizzle schema, not in the database']);
  });

  it('maps Drizzle types to udt names and refuses a type it does not know', () => {
    expect(udtOfDrizzleType('timestamp with time zone')).toBe('timestamptz');
    expect(udtOfDrizzleType('text[]')).toBe('_text');
    expect(udtOfDrizzleType('bigserial')).toBe('int8');
    expect(() => udtOfDrizzleType('geometry')).toThrow(/geometry/);
  });

  it('reads the codes of a CHECK list as PostgreSQL prints it, and nothing from other checks', () => {
    expect(codesOfCheck("CHECK ((risk_level = ANY (ARRAY['low'::text, 'high'::text])))")).toEqual(['low', 'high']);
    expect(codesOfCheck("CHECK ((exploitation_forms <@ ARRAY['other'::text]))")).toEqual(['other']);
    expect(codesOfCheck("CHECK ((override_reason = 'risk_to_life'::text))")).toEqual(['risk_to_life']);
    expect(codesOfCheck("CHECK (((outcome IS NULL) OR (outcome = ANY (ARRAY['a'::text, 'b'::text]))))")).toEqual(['a', 'b']);
    expect(codesOfCheck("CHECK ((code ~ '^[A-Z]{2}$'::text))")).toBeNull();
    expect(codesOfCheck('CHECK ((cardinality(roles) > 0))')).toBeNull();
  });

  it('reports a CHECK list that lacks a code, one with no enum, and an enum with no CHECK', () => {
    const enums: CodeList[] = [{ table: 'cases', column: 'risk_level', values: RISK_LEVELS }, { table: 'persons', column: 'sex', values: PRS_GENDERS }];
    const checks: CodeList[] = [
      { table: 'cases', column: 'risk_level', values: ['low', 'medium', 'high', 'severe'] },
      { table: 'cases', column: 'migrant_status', values: ['national'] },
    ];
    expect(codeListDifferences(enums, checks)).toEqual([
      'codes cases.risk_level: the CHECK lacks [critical] and has extra [severe]',
      'codes persons.sex: an enum in the Drizzle schema, but no CHECK list in the database',
      'codes cases.migrant_status: a CHECK list in the database, but no enum in the Drizzle schema',
    ]);
    expect(codeListDifferences(enums.slice(1), [], new Set(['persons.sex']))).toEqual([]);
  });
});

describe('the Drizzle enums are the src/shared lists', () => {
  const codesOf = (table: string, column: string) => drizzleCodeLists(tables).find((c) => c.table === table && c.column === column)?.values;
  it.each([
    ['cases', 'region', REGION_CODES],
    ['cases', 'province', REGIONS.flatMap((r) => r.provinces.map((p) => p.code))],
    ['cases', 'exploitation_forms', EXPLOITATION_FORMS],
    ['cases', 'trafficking_status', TRAFFICKING_STATUSES],
    ['cases', 'risk_level', RISK_LEVELS],
    ['cases', 'age_band', CTDC_AGE_BANDS],
    ['persons', 'sex', PRS_GENDERS],
    ['persons', 'citizenships', COUNTRY_CODES],
    ['users', 'roles', ROLES],
  ] as const)('%s.%s', (table, column, shared) => {
    expect(codesOf(table, column)).toEqual(shared);
  });
});

describe('a freshly migrated database against the Drizzle schema', () => {
  let database: Database;
  const asOwner = <T>(work: (client: pg.ClientBase) => Promise<T>) => database.asOwner(work);
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('has the same tables and columns, with the same types and nullability', async () => {
    const actual = await asOwner(databaseColumns);
    expect(actual.length).toBeGreaterThan(300);
    expect(columnDifferences(drizzleColumns(tables), actual)).toEqual([]);
  });

  it('holds exactly the codes of each Drizzle enum in the CHECK list of its column', async () => {
    const checks = await asOwner(databaseCodeLists);
    expect(checks.length).toBeGreaterThan(60);
    expect(codeListDifferences(drizzleCodeLists(tables), checks, BY_COUNTRY_TABLE)).toEqual([]);
  });

  it('tells a deliberately wrong mirror apart from the real table', async () => {
    const actual = (await asOwner(databaseColumns)).filter((c) => c.table === 'cases');
    const mirror = drizzleColumns([schema.cases]).map((c) => (c.column === 'age_band' ? { ...c, type: 'int4' } : c));
    expect(columnDifferences(mirror, actual)).toEqual(['column cases.age_band: type int4 in the Drizzle schema, text in the database']);
  });

  it('keeps the country reference table equal to COUNTRY_CODES, and every country column tied to it', async () => {
    const { rows } = await asOwner((client) => client.query<{ code: string }>('SELECT code FROM countries ORDER BY code'));
    expect(rows.map((r) => r.code)).toEqual([...COUNTRY_CODES].sort());
    const keys = await asOwner((client) =>
      client.query<{ name: string }>(`
        SELECT t.relname || '.' || a.attname AS name FROM pg_constraint c
          JOIN pg_class t ON t.oid = c.conrelid
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid = 'countries'::regclass`),
    );
    expect(new Set(keys.rows.map((r) => r.name))).toEqual(new Set(COUNTRY_KEYS));
  });

  it('refuses a code outside the list, in a plain column and inside an array', async () => {
    const refused = async (statement: string) =>
      asOwner(async (client) => {
        await client.query('BEGIN');
        try {
          await client.query(statement);
          return null;
        } catch (error) {
          return (error as { code?: string }).code;
        } finally {
          await client.query('ROLLBACK');
        }
      });
    expect(await refused(`INSERT INTO persons (sex) VALUES ('Unknown')`)).toBe('23514');
    expect(await refused(`INSERT INTO persons (languages) VALUES ('{ar,xx}')`)).toBe('23514');
    expect(await refused(`INSERT INTO persons (citizenships) VALUES ('{MA,ZZ}')`)).toBe('23503');
    expect(await refused(`INSERT INTO persons (citizenships) VALUES (ARRAY['MA', NULL])`)).toBe('23503');
    expect(await refused(`INSERT INTO persons (sex, citizenships, languages) VALUES ('Feminine', '{MA,NG}', '{ar,ary}')`)).toBeNull();
    expect(await refused(`INSERT INTO agencies (name, type) VALUES ('Probe', 'Club')`)).toBe('23514');
  });
});
