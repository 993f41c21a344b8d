import type { Pool } from 'pg';
import { GENESIS_HASH, hashAuditRow } from './hash-chain.js';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  reason: string | null;
}

const BATCH = 5000;

/**
 * Walks the whole audit trail in id order, recomputing each row's hash and
 * its link to the previous row. Reports the first row that was edited, or
 * whose predecessor was deleted.
 */
export async function verifyAuditChain(pool: Pool): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT id::text, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action,
              resource_type, resource_id, outcome, ip, user_agent, changed_fields, details, prev_hash, hash
         FROM audit_events WHERE audit_events.id > $1::bigint ORDER BY audit_events.id LIMIT ${BATCH}`,
      [afterId],
    );
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstBrokenId: r.id, reason: 'link_broken' };
      }
      const expected = hashAuditRow({
        id: r.id,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorUsername: r.actor_username,
        actorAgencyId: r.actor_agency_id,
        actorRole: r.actor_role,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        outcome: r.outcome,
        ip: r.ip,
        userAgent: r.user_agent,
        changedFields: r.changed_fields,
        details: r.details,
        prevHash: r.prev_hash,
      });
      if (expected !== r.hash) return { ok: false, checked, firstBrokenId: r.id, reason: 'row_altered' };
      prevHash = r.hash;
      checked += 1;
    }
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1].id;
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
