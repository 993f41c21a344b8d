import type pg from 'pg';
import { GENESIS_HASH, hashKeyedAuditRow, macOfHash, type KeyedChainFields } from '../src/server/audit/hash-chain.js';
import { AUDIT_CHAINS } from '../src/server/audit/record-audit.js';
import { currentAuditMacKey } from '../src/server/crypto/audit-keys.js';
import type { Keyring } from '../src/server/crypto/keyring.js';
import type { ScaleRefs } from './seed-refs.js';

const BATCH = 10_000;
// Same lock space as audit_claim_chain (migration 0009): nothing else appends to a chain while it is extended.
const AUDIT_CHAIN_LOCK = 727_002;

type SealedRow = KeyedChainFields & { hash: string; mac: string };

const ACTIONS: { action: string; resourceType: string | null; changed: string[]; details: (k: number) => Record<string, unknown> }[] = [
  { action: 'case.viewed', resourceType: 'case', changed: [], details: () => ({}) },
  { action: 'case.listed', resourceType: 'case', changed: [], details: (k) => ({ page: 1 + (k % 7), searched: k % 5 === 0, filters: [], returned: 25 }) },
  { action: 'case.updated', resourceType: 'case', changed: ['status', 'riskLevel'], details: () => ({}) },
  { action: 'report.viewed', resourceType: 'report', changed: [], details: () => ({}) },
  { action: 'auth.login', resourceType: null, changed: [], details: (k) => ({ next: k % 2 ? 'verify' : 'none' }) },
];

/**
 * Appends audit events until the trail holds `total` rows, spread round-robin over
 * the audit chains, each row linked to its chain's head and sealed with the MAC
 * the application would write (computed here, row by row, then inserted 10 000
 * rows per statement with unnest). Runs as the application role: ids come from
 * nextval, never setval.
 */
export async function seedAuditTrail(pool: pg.Pool, keyring: Keyring, refs: ScaleRefs, total: number): Promise<number> {
  const client = await pool.connect();
  const { keyId, key } = currentAuditMacKey(keyring);
  try {
    await client.query('BEGIN');
    for (let chain = 0; chain < AUDIT_CHAINS; chain += 1) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [AUDIT_CHAIN_LOCK, chain]);
    const heads = new Map<number, { seq: number; hash: string }>();
    const { rows: headRows } = await client.query<{ chain: number; seq: string; hash: string }>(
      `SELECT DISTINCT ON (e.chain) e.chain::int AS chain, e.chain_seq::text AS seq, e.hash FROM audit_events e ORDER BY e.chain, e.chain_seq DESC`,
    );
    for (const h of headRows) heads.set(h.chain, { seq: Number(h.seq), hash: h.hash });
    const existing = Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_events')).rows[0]!.n);
    const actors = Object.entries(refs.user);
    const started = Date.now() - (total - existing) * 1000;
    for (let done = existing; done < total; ) {
      const size = Math.min(BATCH, total - done);
      const { rows: ids } = await client.query<{ id: string }>(`SELECT nextval('audit_events_id_seq')::text AS id FROM generate_series(1, $1)`, [size]);
      const rows: SealedRow[] = [];
      for (const { id } of ids) {
        const k = Number(id);
        const chain = k % AUDIT_CHAINS;
        const head = heads.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
        const kind = ACTIONS[k % ACTIONS.length]!;
        const [username, userId] = actors[k % actors.length]!;
        const row: KeyedChainFields = {
          id,
          chain,
          chainSeq: head.seq + 1,
          keyId,
          occurredAt: new Date(started + k * 1000),
          actorUserId: userId,
          actorUsername: username,
          actorAgencyId: null,
          actorRole: null,
          action: kind.action,
          resourceType: kind.resourceType,
          resourceId: kind.resourceType ? `00000000-0000-4000-8000-${String(k % 20_000).padStart(12, '0')}` : null,
          outcome: 'success',
          ip: `10.0.${k % 250}.${k % 200}`,
          userAgent: 'Mozilla/5.0 (bench)',
          changedFields: kind.changed,
          details: kind.details(k),
          prevHash: head.hash,
        };
        const hash = hashKeyedAuditRow(row);
        heads.set(chain, { seq: row.chainSeq, hash });
        rows.push({ ...row, hash, mac: macOfHash(key, hash) });
      }
      await insertBatch(client, rows);
      done += size;
    }
    await client.query('COMMIT');
    return total - existing;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function insertBatch(client: pg.PoolClient, rows: SealedRow[]): Promise<void> {
  const column = <T>(pick: (r: SealedRow) => T) => rows.map(pick);
  await client.query(
    `INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id,
                               outcome, ip, user_agent, changed_fields, details, prev_hash, hash, chain, chain_seq, key_id, mac)
     SELECT id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id, outcome, ip, user_agent,
            CASE WHEN changed = '' THEN '{}'::text[] ELSE string_to_array(changed, ',') END, details::jsonb, prev_hash, hash, chain, chain_seq, key_id, mac
       FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::smallint[], $18::bigint[],
                   $19::text[], $20::text[])
            AS t(id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id,
                 outcome, ip, user_agent, changed, details, prev_hash, hash, chain, chain_seq, key_id, mac)`,
    [
      column((r) => r.id),
      column((r) => r.occurredAt.toISOString()),
      column((r) => r.actorUserId),
      column((r) => r.actorUsername),
      column((r) => r.actorAgencyId),
      column((r) => r.actorRole),
      column((r) => r.action),
      column((r) => r.resourceType),
      column((r) => r.resourceId),
      column((r) => r.outcome),
      column((r) => r.ip),
      column((r) => r.userAgent),
      column((r) => r.changedFields.join(',')),
      column((r) => JSON.stringify(r.details)),
      column((r) => r.prevHash),
      column((r) => r.hash),
      column((r) => r.chain),
      column((r) => r.chainSeq),
      column((r) => r.keyId),
      column((r) => r.mac),
    ],
  );
}
