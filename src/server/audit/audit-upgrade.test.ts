import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFromKeys } from '../crypto/keyring.js';
import { openDatabase, type Database } from '../db/database.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { urlForDatabase, withDatabase } from '../test/postgres-admin.js';
import { writeCheckpoint } from './checkpoints.js';
import { GENESIS_HASH, hashAuditRow, type ChainedFields } from './hash-chain.js';
import { recordAuditStandalone, SYSTEM_CONTEXT, useAuditKeys } from './record-audit.js';
import { verifyAuditChain } from './verify-chain.js';

// A database written by the version before keyed chains: its rows must still verify after the
// upgrade, be counted as unkeyed, and be pinned by the first checkpoint taken after it.
const serverUrl = process.env['DATABASE_URL'];
const keyring = keyringFromKeys([randomBytes(32)]);
let dataDir: string;
let databaseName: string | undefined;
let database: Database;

function legacyRows(count: number): (ChainedFields & { hash: string })[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const row: ChainedFields = {
      id: String(i + 1), occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)), actorUserId: null, actorUsername: 'system', actorAgencyId: null,
      actorRole: null, action: 'auth.login', resourceType: null, resourceId: null, outcome: 'failure', ip: `10.1.0.${i}`, userAgent: null,
      changedFields: [], details: { attempt: i }, prevHash,
    };
    prevHash = hashAuditRow(row);
    return { ...row, hash: prevHash };
  });
}

async function insertLegacy(client: pg.ClientBase, rows: (ChainedFields & { hash: string })[]): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO audit_events (id, occurred_at, actor_username, action, outcome, ip, changed_fields, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', $7, $8, $9)`,
      [r.id, r.occurredAt, r.actorUsername, r.action, r.outcome, r.ip, r.details, r.prevHash, r.hash],
    );
  }
  await client.query(`SELECT setval('audit_events_id_seq', $1)`, [rows.length]);
}

/** Migrates to 0008, writes rows the old way, then applies the rest (0009 onwards). */
async function upgrade(client: pg.ClientBase): Promise<void> {
  await migrate(client, { through: '0008' });
  await insertLegacy(client, legacyRows(5));
  await migrate(client);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sanad-upgrade-'));
  if (serverUrl) {
    databaseName = `sanad_upgrade_${randomBytes(4).toString('hex')}`;
    await withDatabase(serverUrl, (admin) => admin.query(`CREATE DATABASE ${databaseName}`));
    await withDatabase(urlForDatabase(serverUrl, databaseName), upgrade);
    database = await openDatabase({ databaseUrl: urlForDatabase(serverUrl, databaseName), poolSize: 3 });
  } else {
    const embedded = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pgdata') });
    const client = new pg.Client(embedded.connection);
    await client.connect();
    await upgrade(client);
    await client.end();
    await embedded.stop();
    database = await openDatabase({ dataDir });
  }
  useAuditKeys(database, keyring);
});
afterAll(async () => {
  await database?.close();
  if (serverUrl && databaseName) await withDatabase(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  await rm(dataDir, { recursive: true, force: true });
});

describe('upgrading a trail written before keyed chains', () => {
  it('keeps the old rows as the unkeyed start of chain 0, verifiable, with keyed rows after them', async () => {
    const { rows } = await database.pool.query('SELECT chain, chain_seq::int AS seq, key_id FROM audit_events ORDER BY audit_events.id');
    expect(rows).toEqual([1, 2, 3, 4, 5].map((seq) => ({ chain: 0, seq, key_id: null })));
    for (let i = 0; i < 3; i += 1) await recordAuditStandalone(database.db, SYSTEM_CONTEXT, { action: 'audit.read' });
    expect(await verifyAuditChain(database.pool, { keyring })).toMatchObject({ ok: true, checked: 8, unkeyed: 5 });
  });

  it('refuses a row without a MAC written after keyed rows', async () => {
    const { rows } = await database.pool.query<{ seq: number; hash: string }>(
      `SELECT chain_seq::int AS seq, hash FROM audit_events WHERE chain = 0 ORDER BY audit_events.chain_seq DESC LIMIT 1`,
    );
    const late: ChainedFields = { ...legacyRows(1)[0]!, id: '9000', prevHash: rows[0]!.hash };
    await database.asOwner((owner) =>
      owner.query(
        `INSERT INTO audit_events (id, occurred_at, actor_username, action, outcome, ip, changed_fields, details, prev_hash, hash, chain, chain_seq)
         VALUES ($1, $2, 'system', 'auth.login', 'failure', $3, '{}', $4, $5, $6, 0, $7)`,
        [late.id, late.occurredAt, late.ip, late.details, late.prevHash, hashAuditRow(late), rows[0]!.seq + 1],
      ),
    );
    expect(await verifyAuditChain(database.pool, { keyring })).toMatchObject({ ok: false, firstBrokenId: '9000', reason: 'row_altered' });
    await database.asOwner(async (owner) => {
      await owner.query('SET session_replication_role = replica');
      await owner.query('DELETE FROM audit_events WHERE id = 9000');
      await owner.query('SET session_replication_role = DEFAULT');
    });
    expect((await verifyAuditChain(database.pool, { keyring })).ok).toBe(true);
  });

  it('finds the old rows rewritten after the first checkpoint pinned them', async () => {
    await writeCheckpoint(database.pool, keyring);
    const forged = legacyRows(5).map((r) => ({ ...r, details: { attempt: 0 } }));
    let prevHash = GENESIS_HASH;
    const rewritten = forged.map((r) => {
      const hash = hashAuditRow({ ...r, prevHash });
      const row = { ...r, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await database.asOwner(async (owner) => {
      await owner.query('SET session_replication_role = replica');
      for (const r of rewritten) await owner.query('UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4 WHERE id = $1', [r.id, r.details, r.prevHash, r.hash]);
      await owner.query('SET session_replication_role = DEFAULT');
    });
    const result = await verifyAuditChain(database.pool, { keyring });
    expect(result.ok).toBe(false);
    expect(['checkpoint_mismatch', 'link_broken']).toContain(result.reason);
  });
});
