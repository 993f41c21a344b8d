import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keyringFromKeys } from '../crypto/keyring.js';
import { checkpointPublicKeys } from '../crypto/audit-keys.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { AuditTamperedError, parseCheckpoints, signCheckpoint, writeCheckpoint } from './checkpoints.js';
import { GENESIS_HASH, hashAuditRow, hashKeyedAuditRow, macOfHash } from './hash-chain.js';
import { recordAuditStandalone, SYSTEM_CONTEXT } from './record-audit.js';
import { verifyAuditChain, type VerifyOptions } from './verify-chain.js';

// Someone with full control of the database (a superuser who bypasses the append-only triggers) but
// without the key file: everything they can compute, they compute; the MAC key they can only guess.
let sanad: TestSanad;
const EVENTS = 12;

beforeAll(async () => {
  sanad = await startTestSanad();
});
afterAll(async () => sanad?.close());
// Each case starts from a fresh, intact trail (emptied as a superuser, then written by the application).
beforeEach(async () => {
  await asSuperuser([['TRUNCATE audit_events, audit_checkpoints']]);
  for (let i = 0; i < EVENTS; i += 1) {
    await recordAuditStandalone(sanad.ctx.database.db, { ...SYSTEM_CONTEXT, ip: `10.0.0.${i}` }, { action: 'audit.read', details: { page: i } });
  }
});

interface StoredRow {
  id: string;
  chain: number;
  seq: number;
  key_id: string | null;
  mac: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_agency_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  changed_fields: string[];
  details: unknown;
  prev_hash: string;
  hash: string;
}

/** Runs statements as a superuser with triggers off (session_replication_role = replica). */
async function asSuperuser(statements: [string, unknown[]?][]): Promise<void> {
  await sanad.ctx.database.asOwner(async (owner) => {
    await owner.query('SET session_replication_role = replica');
    try {
      for (const [text, params] of statements) await owner.query(text, params);
    } finally {
      await owner.query('SET session_replication_role = DEFAULT');
    }
  });
}

/** The rows of the longest chain, in order. */
async function longestChain(): Promise<StoredRow[]> {
  const pool = sanad.ctx.database.pool;
  const { rows: [top] } = await pool.query<{ chain: number }>('SELECT chain FROM audit_events GROUP BY chain ORDER BY count(*) DESC LIMIT 1');
  const { rows } = await pool.query<StoredRow>(
    `SELECT id::text AS id, chain, chain_seq::int AS seq, key_id, mac, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action,
            resource_type, resource_id, outcome, ip, user_agent, changed_fields, details, prev_hash, hash
       FROM audit_events WHERE chain = $1 ORDER BY audit_events.chain_seq`,
    [top!.chain],
  );
  expect(rows.length).toBeGreaterThanOrEqual(EVENTS / 2);
  return rows;
}

function contentOf(row: StoredRow, prevHash: string) {
  return {
    id: row.id, occurredAt: row.occurred_at, actorUserId: row.actor_user_id, actorUsername: row.actor_username,
    actorAgencyId: row.actor_agency_id, actorRole: row.actor_role, action: row.action, resourceType: row.resource_type,
    resourceId: row.resource_id, outcome: row.outcome, ip: row.ip, userAgent: row.user_agent,
    changedFields: row.changed_fields, details: row.details, prevHash,
  };
}

/** What the attacker writes for a row at `seq` after `prevHash`: a correct SHA-256, and a MAC under a guessed key. */
function forge(row: StoredRow, seq: number, prevHash: string) {
  const hash = hashKeyedAuditRow({ ...contentOf(row, prevHash), chain: row.chain, chainSeq: seq, keyId: row.key_id! });
  return { hash, mac: macOfHash(randomBytes(32), hash) };
}

/** Deletes `rows[from]` and rewrites every later row of the chain so its links and sequence numbers are whole again. */
function rewriteAfterDeleting(rows: StoredRow[], from: number, seal: (row: StoredRow, seq: number, prev: string) => { hash: string; mac: string | null; keyId: string | null }) {
  const statements: [string, unknown[]][] = [['DELETE FROM audit_events WHERE id = $1', [rows[from]!.id]]];
  let prev = rows[from - 1]!.hash;
  rows.slice(from + 1).forEach((row, i) => {
    const seq = rows[from]!.seq + i;
    const sealed = seal(row, seq, prev);
    statements.push([
      'UPDATE audit_events SET chain_seq = $2, prev_hash = $3, hash = $4, mac = $5, key_id = $6 WHERE id = $1',
      [row.id, seq, prev, sealed.hash, sealed.mac, sealed.keyId],
    ]);
    prev = sealed.hash;
  });
  return statements;
}

const verify = (extra: Omit<VerifyOptions, 'keyring'> = {}) => verifyAuditChain(sanad.ctx.database.pool, { keyring: sanad.ctx.keyring, ...extra });

describe('tampering by someone who holds the database but not the key', () => {
  it('verifies the untouched trail, every row sealed with the key and linked in its chain', async () => {
    await writeCheckpoint(sanad.ctx.database.pool, sanad.ctx.keyring);
    expect(await verify()).toMatchObject({ ok: true, checked: EVENTS, macsChecked: true, checkpoints: 1, unkeyed: 0 });
  });

  it('finds an edited row, even with its SHA-256 recomputed', async () => {
    const rows = await longestChain();
    const target = rows[3]!;
    const edited = { ...target, ip: '203.0.113.9' };
    const { hash } = forge(edited, target.seq, target.prev_hash);
    await asSuperuser([[`UPDATE audit_events SET ip = '203.0.113.9', hash = $2 WHERE id = $1`, [target.id, hash]]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: target.id, reason: 'row_altered' });
  });

  it('finds a deleted row', async () => {
    const rows = await longestChain();
    await asSuperuser([['DELETE FROM audit_events WHERE id = $1', [rows[4]!.id]]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: rows[5]!.id, reason: 'link_broken' });
  });

  it('finds an inserted row, at the end of a chain or in a chain of its own', async () => {
    const rows = await longestChain();
    const head = rows[rows.length - 1]!;
    const fake = { ...head, id: '900001', ip: '198.51.100.7', details: { page: 99 } };
    const sealed = forge(fake, head.seq + 1, head.hash);
    const insert = `INSERT INTO audit_events (id, occurred_at, actor_username, action, outcome, ip, changed_fields, details, chain, chain_seq, key_id, prev_hash, hash, mac)
                    VALUES ($1, $2, 'system', 'audit.read', 'success', $3, '{}', $4, $5, $6, $7, $8, $9, $10)`;
    await asSuperuser([[insert, [fake.id, fake.occurred_at, fake.ip, fake.details, fake.chain, head.seq + 1, fake.key_id, head.hash, sealed.hash, sealed.mac]]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: '900001', reason: 'row_altered' });

    await asSuperuser([['DELETE FROM audit_events WHERE id = 900001']]);
    expect((await verify()).ok).toBe(true);
    const alone = { ...fake, id: '900002', chain: 99 };
    const own = forge(alone, 1, GENESIS_HASH);
    await asSuperuser([[insert, [alone.id, alone.occurred_at, alone.ip, alone.details, 99, 1, alone.key_id, GENESIS_HASH, own.hash, own.mac]]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: '900002', reason: 'row_altered' });
  });

  it('finds a suffix rewritten with recomputed hashes: SHA-256 with a guessed MAC, or as rows without a MAC', async () => {
    const rows = await longestChain();
    await asSuperuser(rewriteAfterDeleting(rows, 2, (row, seq, prev) => ({ ...forge(row, seq, prev), keyId: row.key_id })));
    // Without the key, only the links are whole: hashes and links check out, the MAC does not.
    expect(await verifyAuditChain(sanad.ctx.database.pool)).toMatchObject({ ok: true, macsChecked: false });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: rows[3]!.id, reason: 'row_altered' });
  });

  it('finds a suffix rewritten as rows from before keyed chains (plain SHA-256, no MAC)', async () => {
    const rows = await longestChain();
    await asSuperuser(rewriteAfterDeleting(rows, 2, (row, _seq, prev) => ({ hash: hashAuditRow(contentOf(row, prev)), mac: null, keyId: null })));
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: rows[3]!.id, reason: 'row_altered' });
  });

  it('finds a truncated tail against a signed checkpoint, stored in the database or copied out of it', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sanad-checkpoints-')), 'checkpoints.jsonl');
    await writeCheckpoint(sanad.ctx.database.pool, sanad.ctx.keyring, { file });
    const copied = parseCheckpoints(await readFile(file, 'utf8'));
    expect(copied).toHaveLength(1);
    const rows = await longestChain();
    await asSuperuser([['DELETE FROM audit_events WHERE chain = $1 AND chain_seq > $2', [rows[0]!.chain, rows.length - 3]]]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: null, reason: 'truncated' });
    // Nor can the next checkpoint be signed over the shortened trail: that is the alarm.
    await expect(writeCheckpoint(sanad.ctx.database.pool, sanad.ctx.keyring)).rejects.toThrow(AuditTamperedError);

    // The attacker deletes the stored checkpoints too: the chain alone cannot tell, the copy can.
    await asSuperuser([['DELETE FROM audit_checkpoints']]);
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 0 });
    expect(await verify({ checkpoints: copied })).toMatchObject({ ok: false, reason: 'truncated' });
    // And anyone holding only the public key and the copy finds it too.
    const publicKeys = checkpointPublicKeys(sanad.ctx.keyring);
    expect(await verifyAuditChain(sanad.ctx.database.pool, { publicKeys, checkpoints: copied })).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('finds, without the key, history rewritten before a checkpoint', async () => {
    await writeCheckpoint(sanad.ctx.database.pool, sanad.ctx.keyring);
    const rows = await longestChain();
    // Same number of rows, one edited and every later hash recomputed: only the signed head differs.
    const statements: [string, unknown[]][] = [];
    let prev = rows[2]!.hash;
    for (const row of rows.slice(3)) {
      const changed = row === rows[3] ? { ...row, ip: '203.0.113.9' } : row;
      const { hash, mac } = forge(changed, row.seq, prev);
      statements.push(['UPDATE audit_events SET ip = $2, prev_hash = $3, hash = $4, mac = $5 WHERE id = $1', [row.id, changed.ip, prev, hash, mac]]);
      prev = hash;
    }
    await asSuperuser(statements);
    const publicKeys = checkpointPublicKeys(sanad.ctx.keyring);
    expect(await verifyAuditChain(sanad.ctx.database.pool, { publicKeys })).toMatchObject({
      ok: false,
      firstBrokenId: rows[rows.length - 1]!.id,
      reason: 'checkpoint_mismatch',
      macsChecked: false,
    });
  });

  it('refuses a checkpoint not signed by this system, or changed after signing', async () => {
    const publicKeys = checkpointPublicKeys(sanad.ctx.keyring);
    const foreign = signCheckpoint(keyringFromKeys([randomBytes(32)]), [{ chain: 0, seq: 1, hash: GENESIS_HASH }]);
    expect(await verify({ checkpoints: [foreign] })).toMatchObject({ ok: false, reason: 'checkpoint_forged' });
    // The foreign signer even claims our public key: the signature gives it away.
    expect(await verify({ checkpoints: [{ ...foreign, publicKey: publicKeys[0]! }] })).toMatchObject({ ok: false, reason: 'checkpoint_forged' });
    const genuine = (await writeCheckpoint(sanad.ctx.database.pool, sanad.ctx.keyring))!;
    const moved = { ...genuine, chains: genuine.chains.map((head) => ({ ...head, seq: head.seq - 2 })) };
    expect(await verify({ checkpoints: [moved] })).toMatchObject({ ok: false, reason: 'checkpoint_forged' });
    await asSuperuser([['INSERT INTO audit_checkpoints (document) VALUES ($1)', [JSON.stringify(foreign)]]]);
    expect(await verify()).toMatchObject({ ok: false, reason: 'checkpoint_forged' });
  });
});
