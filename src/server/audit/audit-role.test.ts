import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { assertOwnerRole } from '../db/migrate.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { withDatabase } from '../test/postgres-admin.js';
import { recordAuditStandalone, SYSTEM_CONTEXT } from './record-audit.js';
import { verifyAuditChain } from './verify-chain.js';

const serverUrl = process.env['DATABASE_URL'];
let sanad: TestSanad;

beforeAll(async () => {
  sanad = await startTestSanad();
  await recordAuditStandalone(sanad.ctx.database.db, SYSTEM_CONTEXT, { action: 'audit.read' });
});
afterAll(async () => sanad?.close());

// What someone who took over the application's connection would try, to rewrite the trail unseen.
const FORBIDDEN = [
  'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete',
  'ALTER TABLE audit_events DISABLE TRIGGER ALL',
  'DROP TRIGGER audit_events_no_update_delete ON audit_events',
  'TRUNCATE audit_events',
  "UPDATE audit_events SET action = 'x'",
  'DELETE FROM audit_events',
  'ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update_delete',
  'TRUNCATE audit_checkpoints',
  "UPDATE audit_checkpoints SET document = '{}'",
  'DELETE FROM audit_checkpoints',
  'DROP TABLE audit_events',
  'SET session_replication_role = replica',
  'CREATE TABLE audit_shadow (id int)',
  "SELECT setval('audit_events_id_seq', 1)",
];

async function expectRefused(client: pg.Pool | pg.ClientBase): Promise<void> {
  for (const statement of FORBIDDEN) {
    await expect(client.query(statement), statement).rejects.toMatchObject({ code: '42501' });
  }
}

describe("the application's database role", () => {
  it('is sanad_app, owns nothing, and gets "permission denied" for everything that could rewrite the trail', async () => {
    const pool = sanad.ctx.database.pool;
    expect((await pool.query('SELECT current_user AS role')).rows[0].role).toBe('sanad_app');
    const owned = await pool.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'sanad_app'`);
    expect(owned.rows[0].n).toBe(0);
    await expectRefused(pool);
    expect(await verifyAuditChain(pool, { keyring: sanad.ctx.keyring })).toMatchObject({ ok: true });
  });

  it('holds, on every table, no TRUNCATE, REFERENCES or TRIGGER, and on the audit tables only SELECT and INSERT', async () => {
    const { rows } = await sanad.ctx.database.pool.query<{ table: string; privilege: string }>(
      `SELECT t.tablename AS table, p.privilege
         FROM pg_tables t CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
        WHERE t.schemaname = 'public' AND has_table_privilege('sanad_app', format('public.%I', t.tablename), p.privilege)`,
    );
    const granted = (table: string) => rows.filter((r) => r.table === table).map((r) => r.privilege).sort();
    expect(rows.filter((r) => ['TRUNCATE', 'REFERENCES', 'TRIGGER'].includes(r.privilege))).toEqual([]);
    expect(granted('audit_events')).toEqual(['INSERT', 'SELECT']);
    expect(granted('audit_checkpoints')).toEqual(['INSERT', 'SELECT']);
    expect(granted('schema_migrations')).toEqual(['SELECT']);
    // Reference code lists (migration 0011) are read-only to the application until they become settings.
    expect(granted('countries')).toEqual(['SELECT']);
    // Every other table (including those of later migrations, through default privileges) is usable.
    const tables = new Set(rows.map((r) => r.table));
    for (const table of tables) {
      if (!['audit_events', 'audit_checkpoints', 'schema_migrations', 'countries'].includes(table)) expect(granted(table), table).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    }
  });

  it('may still have the planner statistics refreshed, through the owner function made for it', async () => {
    await expect(sanad.ctx.database.pool.query('SELECT refresh_planner_statistics()')).resolves.toBeDefined();
  });

  it.runIf(serverUrl)('logged in as a member of sanad_app (the production set-up), cannot become anyone else, nor migrate', async () => {
    const login = `sanad_app_login_${randomBytes(4).toString('hex')}`;
    const database = (await sanad.ctx.database.pool.query('SELECT current_database() AS name')).rows[0].name as string;
    await withDatabase(serverUrl!, (admin) => admin.query(`CREATE ROLE ${login} LOGIN IN ROLE sanad_app`));
    const url = new URL(serverUrl!);
    url.username = login;
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      await client.query('SET ROLE sanad_app');
      await expectRefused(client);
      await client.query('RESET ROLE');
      await expectRefused(client);
      await expect(client.query('SET ROLE postgres')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`SELECT set_config('role', 'postgres', false)`)).rejects.toMatchObject({ code: '42501' });
      await expect(assertOwnerRole(client)).rejects.toThrow(/must run as the database owner/);
      // Sanad itself starts under this login on an up-to-date database: it checks the migrations and acts as sanad_app.
      const asApplication = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
      try {
        expect(asApplication.migrations).toMatchObject({ applied: [] });
        expect((await asApplication.pool.query('SELECT current_user AS role')).rows[0].role).toBe('sanad_app');
        await expectRefused(asApplication.pool);
      } finally {
        await asApplication.close();
      }
    } finally {
      await client.end().catch(() => undefined);
      await withDatabase(serverUrl!, (admin) => admin.query(`DROP ROLE IF EXISTS ${login}`));
    }
  });
});
