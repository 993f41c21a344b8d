import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';
import { currentAuditMacKey } from '../crypto/audit-keys.js';
import type { AuditAction, AuditOutcome } from './events.js';
import { hashKeyedAuditRow, macOfHash, type KeyedChainFields } from './hash-chain.js';

/**
 * How many independent chains the trail is spread over. Decision: one chain per
 * concurrent appender is what removes the queue, and a transaction holds its
 * chain until it commits, so this should exceed the number of connections that
 * audit at once (10 per process by default). Changing it later is safe: the
 * verifier walks whatever chains exist.
 */
export const AUDIT_CHAINS = 16;

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

// The keys live in this process only. Each open database marks its connections
// with a random instance id (db/database.ts), which is how an append, handed
// only a transaction, finds the keyring of the Sanad that opened it.
const keyringByInstance = new Map<string, Keyring>();

/** Lets appends on `database` seal rows with `keyring` (call once the keys are known to open the data). */
export function useAuditKeys(database: Pick<Database, 'instanceId'>, keyring: Keyring): void {
  keyringByInstance.set(database.instanceId, keyring);
}

interface ClaimedPlace {
  chain: number;
  next_seq: string;
  prev_hash: string;
  id: string;
  instance: string | null;
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the
 * event exists exactly when the change it describes does. The row goes to a
 * chain no other open transaction is appending to (audit_claim_chain), links to
 * that chain's head, and is sealed with a MAC under a key the database never holds.
 */
export async function recordAudit(tx: Tx | Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  // The chain lock lasts as long as a transaction: outside one it would be released before the insert.
  if (!is(tx, PgTransaction)) return (tx as Db).transaction((inner) => recordAudit(inner, context, entry));
  const claimed = await tx.execute<Record<string, unknown>>(sql`SELECT * FROM audit_claim_chain(${AUDIT_CHAINS})`);
  const place = claimed.rows[0] as unknown as ClaimedPlace;
  const keyring = place.instance ? keyringByInstance.get(place.instance) : undefined;
  if (!keyring) throw new Error('No audit key for this database connection: call useAuditKeys(database, keyring) when opening it.');
  const { keyId, key } = currentAuditMacKey(keyring);
  const row: KeyedChainFields = {
    id: place.id,
    chain: Number(place.chain),
    chainSeq: Number(place.next_seq),
    keyId,
    occurredAt: new Date(),
    ...context,
    action: entry.action,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    outcome: entry.outcome ?? 'success',
    changedFields: entry.changedFields ?? [],
    // Hash what jsonb will give back (no undefined, no Date objects).
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
    prevHash: place.prev_hash,
  };
  const hash = hashKeyedAuditRow(row);
  // Plain SQL rather than the insert builder: this runs on every audited request.
  await tx.execute(sql`
    INSERT INTO audit_events (id, chain, chain_seq, key_id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_role, action,
                              resource_type, resource_id, outcome, ip, user_agent, changed_fields, details, prev_hash, hash, mac)
    VALUES (${row.id}, ${row.chain}, ${row.chainSeq}, ${keyId}, ${row.occurredAt.toISOString()}, ${row.actorUserId}, ${row.actorUsername},
            ${row.actorAgencyId}, ${row.actorRole}, ${row.action}, ${row.resourceType}, ${row.resourceId}, ${row.outcome}, ${row.ip},
            ${row.userAgent}, ${sql.param(row.changedFields)}::text[], ${JSON.stringify(row.details)}::jsonb, ${row.prevHash}, ${hash}, ${macOfHash(key, hash)})`);
}

/**
 * Records an event in its own transaction (for events with no other change:
 * a failed login, a read, a denied access).
 */
export async function recordAuditStandalone(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => recordAudit(tx, context, entry));
}
