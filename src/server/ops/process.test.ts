import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { urlForDatabase, withDatabase } from '../test/postgres-admin.js';

// These tests run Sanad as an operator would: the real CLI and server processes.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const serverUrl = process.env['DATABASE_URL'];
let dataDir: string;
let databaseUrl: string | undefined;
let databaseName: string | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sanad-proc-'));
  if (serverUrl) {
    databaseName = `sanad_proc_${randomBytes(4).toString('hex')}`;
    await withDatabase(serverUrl, (c) => c.query(`CREATE DATABASE ${databaseName}`));
    databaseUrl = urlForDatabase(serverUrl, databaseName);
  }
});
afterAll(async () => {
  if (serverUrl && databaseName) await withDatabase(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete base['DATABASE_URL'];
  if (databaseUrl) base['DATABASE_URL'] = databaseUrl;
  return base;
}

function sanadCli(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/sanad.mjs'), ...args], { env: env(extra), encoding: 'utf8', timeout: 150_000 });
}

async function alterOneAuditRow(): Promise<string> {
  const database = await openDatabase(databaseUrl ? { databaseUrl, migrate: false } : { dataDir, migrate: false });
  try {
    // The table's owner (here a superuser) bypasses the append-only trigger; the application's role cannot.
    return await database.asOwner(async (owner) => {
      const { rows } = await owner.query(`SELECT id::text AS id FROM audit_events ORDER BY audit_events.id LIMIT 1`);
      await owner.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
      await owner.query(`UPDATE audit_events SET details = '{"forged": true}' WHERE id = $1`, [rows[0].id]);
      await owner.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
      return rows[0].id as string;
    });
  } finally {
    await database.close();
  }
}

describe('operating Sanad from the command line', () => {
  it('creates the key file with mode 0600 on first use and seeds the demo', async () => {
    const seeded = sanadCli(['seed-demo']);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('Demo data seeded');
    expect((await stat(join(dataDir, 'master.key'))).mode & 0o777).toBe(0o600);
    expect(sanadCli(['seed-demo']).stdout).toContain('nothing was seeded');
  });

  it('`sanad audit verify` says OK, then names the first altered row', async () => {
    const ok = sanadCli(['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK: audit trail intact \(\d+ events checked\)/);
    const altered = await alterOneAuditRow();
    const broken = sanadCli(['audit', 'verify']);
    expect(broken.status).toBe(4);
    expect(broken.stdout).toContain(`BROKEN: audit event ${altered} `);
  });

  it('refuses to start with a wrong SANAD_MASTER_KEY, with a clear message', () => {
    const wrong = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
      env: env({ SANAD_MASTER_KEY: randomBytes(32).toString('base64'), PORT: '39999' }),
      encoding: 'utf8',
      timeout: 150_000,
      cwd: ROOT,
    });
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/does not open the data in this database/);
  });

  it('refuses bad configuration, naming the variable', () => {
    const bad = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { env: env({ PORT: 'abc' }), encoding: 'utf8', cwd: ROOT });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/PORT/);
  });

  it('serves, answers health checks, and drains on SIGTERM', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { env: env({ PORT: String(port) }), cwd: ROOT });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Waits for the line itself; the timer only turns a hang into a failure that shows the output.
    let guard: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      guard = setTimeout(() => reject(new Error(`no "Sanad is running" within 120 s:\n${output}`)), 120_000);
      child.stderr.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('Sanad is running')) resolve();
      });
      void exited.then((code) => reject(new Error(`the server exited (${code}) before running:\n${output}`)));
    })
      .catch((error: unknown) => {
        child.kill('SIGKILL');
        throw error;
      })
      .finally(() => clearTimeout(guard));
    expect(output).toContain(`Sign in at http://127.0.0.1:${port}/login`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
