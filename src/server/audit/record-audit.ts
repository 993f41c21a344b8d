import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { auditEvents } from '../db/schema/index.js';
import type { AuditAction, AuditOutcome } from './events.js';
import { GENESIS_HASH, hashAuditRow } from './hash-chain.js';

// Serialises appends so that each row links to the one before it.
const AUDIT_CHAIN_LOCK = 727_002;

/** Who did it and from where; null fields for anonymous or system events. */
export interface AuditContext {
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorRole: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  /** Names of the fields that changed; never their values when they are secret or personal. */
  changedFields?: string[];
  /** Non-personal facts about the event (counts, codes, reasons). */
  details?: Record<string, unknown>;
}

export const SYSTEM_CONTEXT: AuditContext = {
  actorUserId: null,
  actorUsername: 'system',
  actorAgencyId: null,
  actorRole: null,
  ip: null,
  userAgent: null,
};

/**
 * Appends one event to the audit trail inside the caller's transaction, so the
 * event exists exactly when the change it describes does.
 */
export async function recordAudit(tx: Tx | Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.execute<{ hash: string }>(sql`SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`);
  const next = await tx.execute<{ id: string }>(sql`SELECT nextval('audit_events_id_seq')::text AS id`);
  const row = {
    id: next.rows[0]!.id,
    occurredAt: new Date(),
    ...context,
    action: entry.action,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    outcome: entry.outcome ?? 'success',
    changedFields: entry.changedFields ?? [],
    details: entry.details ?? {},
    prevHash: last.rows[0]?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...row, id: BigInt(row.id), hash: hashAuditRow(row) });
}

/**
 * Records an event in its own transaction (for events with no other change:
 * a failed login, a read, a denied access).
 */
export async function recordAuditStandalone(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => recordAudit(tx, context, entry));
}
