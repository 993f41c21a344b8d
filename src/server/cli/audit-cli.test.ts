import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { urlForDatabase, withDatabase } from '../test/postgres-admin.js';

// The operator's view: the key file kept apart from the data, checkpoints copied to a file outside
// the database, and `sanad audit verify` finding, from that copy, what a database superuser removed.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const serverUrl = process.env['DATABASE_URL'];
// Each command starts a process that compiles TypeScript: generous, as CI shares the machine.
const CLI_BUDGET = 120_000;
let root: string;
let databaseUrl: string | undefined;
let databaseName: string | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sanad-audit-cli-'));
  if (serverUrl) {
    databaseName = `sanad_cli_${randomBytes(4).toString('hex')}`;
    await withDatabase(serverUrl, (c) => c.query(`CREATE DATABASE ${databaseName}`));
    databaseUrl = urlForDatabase(serverUrl, databaseName);
  }
});
afterAll(async () => {
  if (serverUrl && databaseName) await withDatabase(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

const paths = () => ({ data: join(root, 'data'), key: join(root, 'secrets', 'master.key'), checkpoints: join(root, 'offsite', 'checkpoints.jsonl') });

function sanad(args: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SANAD_DATA_DIR: paths().data,
    SANAD_KEY_FILE: paths().key,
    SANAD_AUDIT_CHECKPOINT_FILE: paths().checkpoints,
    SANAD_ADMIN_PASSWORD: 'a long and unusual admin phrase 7',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  delete env['DATABASE_URL'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  return spawnSync(process.execPath, [join(ROOT, 'bin/sanad.mjs'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

describe('the audit trail from the command line', () => {
  it('keeps the key file where SANAD_KEY_FILE says, never in the data directory', async () => {
    const created = sanad(['create-admin', '--username', 'root.admin']);
    expect(created.status, created.stderr).toBe(0);
    expect((await stat(paths().key)).mode & 0o777).toBe(0o600);
    expect(await readdir(paths().data).catch(() => [])).not.toContain('master.key');
  }, CLI_BUDGET);

  it('signs a checkpoint into the configured file, and finds from that copy a tail deleted with the stored checkpoints', async () => {
    const signed = sanad(['audit', 'checkpoint']);
    expect(signed.status, signed.stderr).toBe(0);
    const printed = JSON.parse(signed.stdout) as { type: string; events: number; publicKey: string };
    expect(printed).toMatchObject({ type: 'sanad.audit.checkpoint' });
    expect(printed.events).toBeGreaterThan(0);
    expect((await readFile(paths().checkpoints, 'utf8')).trim()).toBe(signed.stdout.trim());
    const publicKey = sanad(['audit', 'public-key']).stdout.split('\n')[0]!;
    expect(publicKey).toBe(printed.publicKey);

    // A database superuser removes the newest event and every stored checkpoint.
    const database = await openDatabase(databaseUrl ? { databaseUrl, migrate: false } : { dataDir: paths().data, migrate: false });
    try {
      await database.asOwner(async (owner) => {
        await owner.query('SET session_replication_role = replica');
        await owner.query('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)');
        await owner.query('DELETE FROM audit_checkpoints');
        await owner.query('SET session_replication_role = DEFAULT');
      });
    } finally {
      await database.close();
    }
    // The database alone cannot tell; the copy can, with the key or with the public key alone.
    expect(sanad(['audit', 'verify']).status).toBe(0);
    const withCopy = sanad(['audit', 'verify', '--checkpoints', paths().checkpoints]);
    expect(withCopy.status).toBe(4);
    expect(withCopy.stdout).toMatch(/^BROKEN: the audit trail was truncated/);
    const keyless = sanad(['audit', 'verify', '--checkpoints', paths().checkpoints, '--public-key', publicKey], { SANAD_KEY_FILE: join(root, 'no-such.key') });
    expect(keyless.status).toBe(4);
    expect(keyless.stdout).toMatch(/truncated/);
  }, 8 * CLI_BUDGET);
});
