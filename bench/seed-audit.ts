import type pg from 'pg';
import { GENESIS_HASH, hashAuditRow, type ChainedFields } from '../src/server/audit/hash-chain.js';
import type { ScaleRefs } from './seed-refs.js';

const BATCH = 10_000;
// Same lock as record-audit.ts: nothing else may append while the chain is extended.
const AUDIT_CHAIN_LOCK = 727_002;

const ACTIONS: { action: string; resourceType: string | null; changed: string[]; details: (k: number) => Record<string, unknown> }[] = [
  { action: 'case.viewed', resourceType: 'case', changed: [], details: () => ({}) },
  { action: 'case.listed', resourceType: 'case', changed: [], details: (k) => ({ page: 1 + (k % 7), searched: k % 5 === 0, filters: [], returned: 25 }) },
  { action: 'case.updated', resourceType: 'case', changed: ['status', 'riskLevel'], details: () => ({}) },
  { action: 'report.viewed', resourceType: 'report', changed: [], details: () => ({}) },
  { action: 'auth.login', resourceType: null, changed: [], details: (k) => ({ next: k % 2 ? 'verify' : 'none' }) },
];

/**
 * Appends audit events until the trail holds `total` rows, with valid hashes
 * linked to the existing chain (the hash is SHA-256 over the previous hash, so
 * it is computed here, row by row, then inserted 10 000 rows per statement with unnest).
 */
export async function seedAuditTrail(pool: pg.Pool, refs: ScaleRefs, total: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await client.query<{ id: string; hash: string; n: string }>(
      // Ordered by the column, not by the text alias: '99' sorts after '100'.
      `SELECT (SELECT a.id::text FROM audit_events a ORDER BY a.id DESC LIMIT 1) AS id,
              (SELECT a.hash FROM audit_events a ORDER BY a.id DESC LIMIT 1) AS hash, (SELECT count(*) FROM audit_events)::text AS n`,
    );
    const existing = Number(last.rows[0]!.n);
    let id = BigInt(last.rows[0]!.id ?? '0');
    let prevHash = last.rows[0]!.hash ?? GENESIS_HASH;
    const actors = Object.entries(refs.user);
    const started = Date.now() - (total - existing) * 1000;
    for (let done = existing; done < total; ) {
      const rows: ChainedFields[] = [];
      for (; rows.length < BATCH && done < total; done += 1) {
        id += 1n;
        const k = Number(id);
        const kind = ACTIONS[k % ACTIONS.length]!;
        const [username, userId] = actors[k % actors.length]!;
        const row: ChainedFields = {
          id: id.toString(),
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
          prevHash,
        };
        prevHash = hashAuditRow(row);
        rows.push({ ...row, hash: prevHash } as ChainedFields & { hash: string });
      }
      await insertBatch(client, rows as (ChainedFields & { hash: string })[]);
    }
    await client.query(`SELECT setval('audit_events_id_seq', $1::bigint)`, [id.toString()]);
    await client.query('COMMIT');
    return total - existing;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function insertBatch(client: pg.PoolClient, rows: (ChainedFields & { hash: string })[]): Promise<void> {
  const column = <T>(pick: (r: ChainedFields & { hash: string }) => T) => rows.map(pick);
  await client.query(
    `INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id,
                               outcome, ip, user_agent, changed_fields, details, prev_hash, hash)
     SELECT id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id, outcome, ip, user_agent,
            CASE WHEN changed = '' THEN '{}'::text[] ELSE string_to_array(changed, ',') END, details::jsonb, prev_hash, hash
       FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
            AS t(id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action, resource_type, resource_id,
                 outcome, ip, user_agent, changed, details, prev_hash, hash)`,
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
    ],
  );
}
