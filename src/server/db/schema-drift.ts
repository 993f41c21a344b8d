import { is } from 'drizzle-orm';
import { getTableConfig, PgArray, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/**
 * Compares the hand-kept Drizzle mirror (src/server/db/schema/) with the schema the SQL migrations
 * build, which is the source of truth. Only what typed queries rely on is compared: tables, column
 * names, types, nullability, and the allowed values of coded columns.
 */

/** One column as either side describes it. `type` is PostgreSQL's udt_name: int4, timestamptz, _text… */
export interface ColumnShape {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

/** The codes a column may hold: a Drizzle enum, or a single-column CHECK list in the database. */
export interface CodeList {
  table: string;
  column: string;
  values: readonly string[];
}

// Drizzle's SQL type names, as information_schema.columns.udt_name spells them.
const UDT_OF_DRIZZLE_TYPE: Record<string, string> = {
  text: 'text',
  uuid: 'uuid',
  boolean: 'bool',
  smallint: 'int2',
  integer: 'int4',
  bigint: 'int8',
  smallserial: 'int2',
  serial: 'int4',
  bigserial: 'int8',
  real: 'float4',
  'double precision': 'float8',
  numeric: 'numeric',
  date: 'date',
  timestamp: 'timestamp',
  'timestamp with time zone': 'timestamptz',
  json: 'json',
  jsonb: 'jsonb',
  bytea: 'bytea',
};

/** The udt_name of a Drizzle column type; a type not mapped here throws rather than compare wrongly. */
export function udtOfDrizzleType(sqlType: string): string {
  if (sqlType.endsWith('[]')) return `_${udtOfDrizzleType(sqlType.slice(0, -2))}`;
  const udt = UDT_OF_DRIZZLE_TYPE[sqlType.replace(/\s*\(\d+\)/, '')];
  if (!udt) throw new Error(`No udt_name known for the Drizzle type "${sqlType}": add it to UDT_OF_DRIZZLE_TYPE`);
  return udt;
}

/** The Drizzle tables among a schema module's exports. */
export function drizzleTables(schema: Record<string, unknown>): PgTable[] {
  return Object.values(schema).filter((value): value is PgTable => is(value, PgTable));
}

function enumOf(column: PgColumn): readonly string[] | undefined {
  const values = is(column, PgArray) ? (column.baseColumn as { enumValues?: string[] }).enumValues : (column as { enumValues?: string[] }).enumValues;
  return values && values.length > 0 ? values : undefined;
}

/** Every column of the Drizzle tables. */
export function drizzleColumns(tables: readonly PgTable[]): ColumnShape[] {
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.map((column) => ({ table: config.name, column: column.name, type: udtOfDrizzleType(column.getSQLType()), nullable: !column.notNull }));
  });
}

/** The enum-typed columns of the Drizzle tables, with their codes. */
export function drizzleCodeLists(tables: readonly PgTable[]): CodeList[] {
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.flatMap((column) => {
      const values = enumOf(column);
      return values ? [{ table: config.name, column: column.name, values }] : [];
    });
  });
}

/** Tables the migrations keep for themselves, outside the application's schema. */
export const BOOKKEEPING_TABLES: readonly string[] = ['schema_migrations'];

/** Every column of every table in the public schema, bookkeeping excluded. */
export async function databaseColumns(client: pg.ClientBase): Promise<ColumnShape[]> {
  const { rows } = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS type, c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND NOT (c.table_name = ANY ($1))
      ORDER BY c.table_name, c.ordinal_position`,
    [BOOKKEEPING_TABLES],
  );
  return rows;
}

/**
 * The codes a CHECK definition (as pg_get_constraintdef prints it) allows, or null when it is not a
 * list of codes: `x = ANY (ARRAY['a'::text, …])`, `x <@ ARRAY[…]`, `x = 'a'::text`, possibly with
 * `x IS NULL OR`. Patterns (`~`), ranges and cross-column rules are not lists.
 */
export function codesOfCheck(definition: string): string[] | null {
  if (/ !?~~?\*? /.test(definition)) return null;
  if (!/= ANY \(ARRAY\[|<@ ARRAY\[|= '(?:[^']|'')*'::text/.test(definition)) return null;
  return [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((match) => match[1]!.replace(/''/g, "'"));
}

/** The code lists of the database: every single-column CHECK that is a list of codes. */
export async function databaseCodeLists(client: pg.ClientBase): Promise<CodeList[]> {
  const { rows } = await client.query<{ table: string; column: string; definition: string }>(
    `SELECT t.relname AS table, a.attname AS column, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1
      ORDER BY t.relname, a.attname, c.conname`,
  );
  return rows.flatMap((row) => {
    const values = codesOfCheck(row.definition);
    return values ? [{ table: row.table, column: row.column, values }] : [];
  });
}

const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

/** Every way the Drizzle columns (`drizzle`) differ from the database's (`database`), one line each. */
export function columnDifferences(drizzle: readonly ColumnShape[], database: readonly ColumnShape[]): string[] {
  const differences: string[] = [];
  const tablesOf = (columns: readonly ColumnShape[]) => new Set(columns.map((c) => c.table));
  const [drizzleTableNames, databaseTableNames] = [tablesOf(drizzle), tablesOf(database)];
  for (const table of databaseTableNames) if (!drizzleTableNames.has(table)) differences.push(`table ${table}: in the database, not in the Drizzle schema`);
  for (const table of drizzleTableNames) if (!databaseTableNames.has(table)) differences.push(`table ${table}: in the Drizzle schema, not in the database`);
  const inDatabase = new Map(database.map((c) => [key(c), c]));
  const inDrizzle = new Map(drizzle.map((c) => [key(c), c]));
  for (const [name, column] of inDatabase) {
    if (!inDrizzle.has(name) && drizzleTableNames.has(column.table)) differences.push(`column ${name}: in the database, not in the Drizzle schema`);
  }
  for (const [name, mirror] of inDrizzle) {
    const actual = inDatabase.get(name);
    if (!actual) {
      if (databaseTableNames.has(mirror.table)) differences.push(`column ${name}: in the Drizzle schema, not in the database`);
      continue;
    }
    if (actual.type !== mirror.type) differences.push(`column ${name}: type ${mirror.type} in the Drizzle schema, ${actual.type} in the database`);
    if (actual.nullable !== mirror.nullable) {
      differences.push(`column ${name}: ${mirror.nullable ? 'nullable' : 'NOT NULL'} in the Drizzle schema, ${actual.nullable ? 'nullable' : 'NOT NULL'} in the database`);
    }
  }
  return differences;
}

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Every way the code lists differ: a Drizzle enum whose column has no CHECK list (unless the
 * database holds it by a reference table, `referenced`), a CHECK list on a column that is no
 * Drizzle enum, and lists that do not hold the same codes.
 */
export function codeListDifferences(drizzle: readonly CodeList[], database: readonly CodeList[], referenced: ReadonlySet<string> = new Set()): string[] {
  const differences: string[] = [];
  const checks = new Map<string, CodeList[]>();
  for (const list of database) checks.set(key(list), [...(checks.get(key(list)) ?? []), list]);
  const enums = new Map(drizzle.map((list) => [key(list), list]));
  for (const [name, mirror] of enums) {
    const found = checks.get(name) ?? [];
    if (found.length === 0 && !referenced.has(name)) differences.push(`codes ${name}: an enum in the Drizzle schema, but no CHECK list in the database`);
    for (const check of found) {
      if (!sameCodes(check.values, mirror.values)) {
        const missing = mirror.values.filter((v) => !check.values.includes(v));
        const extra = check.values.filter((v) => !mirror.values.includes(v));
        differences.push(`codes ${name}: the CHECK lacks [${missing.join(', ')}] and has extra [${extra.join(', ')}]`);
      }
    }
  }
  for (const name of checks.keys()) if (!enums.has(name)) differences.push(`codes ${name}: a CHECK list in the database, but no enum in the Drizzle schema`);
  return differences;
}
