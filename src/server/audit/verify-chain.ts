import type { Pool } from 'pg';
import type { Keyring } from '../crypto/keyring.js';
import { auditMacKey, checkpointPublicKeys } from '../crypto/audit-keys.js';
import { GENESIS_HASH, hashAuditRow, hashKeyedAuditRow, macOfHash, sameDigest } from './hash-chain.js';
import { CHECKPOINT_BREAKS, checkCheckpoints, storedCheckpoints, type SignedCheckpoint } from './checkpoints.js';

/** Why verification failed: a closed list, labelled on the auditor's screen. */
export const CHAIN_BREAKS = [
  'row_altered', // content, hash or MAC do not match: an edited, inserted or recomputed row
  'link_broken', // the row does not follow the previous one in its chain: a row before it was deleted or altered
  'unknown_key', // sealed with a master key that is not in the keyring
  ...CHECKPOINT_BREAKS,
] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

export interface ChainVerification {
  ok: boolean;
  /** Events verified (before the first broken one, in id order, when broken). */
  checked: number;
  firstBrokenId: string | null;
  reason: ChainBreak | null;
  /** The finding in words (chain, sequence number, checkpoint time). */
  detail: string | null;
  chains: number;
  /** Events written before keyed chains (migration 0009): SHA-256 only, pinned by the rows and checkpoints after them. */
  unkeyed: number;
  /** False when verified with a public key only: MACs need the key. */
  macsChecked: boolean;
  /** Signed checkpoints checked against the trail. */
  checkpoints: number;
}

export interface VerifyOptions {
  /** Checks every row's MAC with these keys (without them only hashes, links and checkpoints are checked). */
  keyring?: Keyring;
  /** Trusted checkpoint signers; by default those derived from the keyring. */
  publicKeys?: string[];
  /** Checkpoints copied out of the system, checked besides those stored in the database. */
  checkpoints?: SignedCheckpoint[];
}

interface Finding {
  id: string | null;
  reason: ChainBreak;
  detail: string;
}

interface RowOfChain {
  id: string;
  chain: number;
  chain_seq: string;
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

const BATCH = 5000;

function contentOf(r: RowOfChain) {
  return {
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
  };
}

interface ChainState {
  seq: number;
  hash: string;
}

const COLUMNS = `e.id::text AS id, e.chain::int AS chain, e.chain_seq::text AS chain_seq, e.key_id, e.mac, e.occurred_at, e.actor_user_id,
  e.actor_username, e.actor_agency_id, e.actor_role, e.action, e.resource_type, e.resource_id, e.outcome, e.ip, e.user_agent,
  e.changed_fields, e.details, e.prev_hash, e.hash`;

function checkRow(r: RowOfChain, state: ChainState, keyedSeen: boolean, keyring: Keyring | undefined): ChainBreak | null {
  if (Number(r.chain_seq) !== state.seq + 1 || r.prev_hash !== state.hash) return 'link_broken';
  if (r.key_id === null || r.mac === null) {
    // Unkeyed rows exist only as the start of chain 0, from before keyed chains; never after a keyed row.
    if (r.chain !== 0 || keyedSeen || r.key_id !== r.mac) return 'row_altered';
    return hashAuditRow(contentOf(r)) === r.hash ? null : 'row_altered';
  }
  const hash = hashKeyedAuditRow(Object.assign(contentOf(r), { chain: r.chain, chainSeq: Number(r.chain_seq), keyId: r.key_id }));
  // Hashes are public: a plain comparison; the MAC is compared in constant time.
  if (hash !== r.hash) return 'row_altered';
  if (!keyring) return null;
  const key = auditMacKey(keyring, r.key_id);
  if (!key) return 'unknown_key';
  return sameDigest(macOfHash(key, r.hash), r.mac) ? null : 'row_altered';
}

interface Walked {
  verified: number;
  unkeyed: number;
  chains: number;
  finding: Finding | null;
}

/**
 * Reads the whole trail once, in id order (the order it was written, so the heap is read
 * sequentially), keeping each chain's head in memory, and stops at the first broken row.
 * A row can commit after the walk passed its id (a transaction that took its id earlier):
 * when a chain seems to skip, the skipped rows are read by sequence number before judging,
 * since a chain's rows commit in order and the later one is already visible.
 */
async function walkTrail(pool: Pool, keyring: Keyring | undefined): Promise<Walked> {
  const states = new Map<number, ChainState>();
  const walked: Walked = { verified: 0, unkeyed: 0, chains: 0, finding: null };
  let keyedSeen = false;
  const accept = (r: RowOfChain): boolean => {
    const state = states.get(r.chain) ?? { seq: 0, hash: GENESIS_HASH };
    const reason = checkRow(r, state, keyedSeen, keyring);
    if (reason) {
      walked.finding = { id: r.id, reason, detail: `chain ${r.chain}, event ${r.chain_seq}` };
      return false;
    }
    states.set(r.chain, { seq: Number(r.chain_seq), hash: r.hash });
    if (r.key_id === null) walked.unkeyed += 1;
    keyedSeen ||= r.key_id !== null;
    walked.verified += 1;
    return true;
  };
  let afterId = '0';
  for (;;) {
    const { rows } = await pool.query<RowOfChain>(`SELECT ${COLUMNS} FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT ${BATCH}`, [afterId]);
    for (const r of rows) {
      const seq = states.get(r.chain)?.seq ?? 0;
      if (Number(r.chain_seq) > seq + 1) {
        const late = await pool.query<RowOfChain>(
          `SELECT ${COLUMNS} FROM audit_events e WHERE e.chain = $1 AND e.chain_seq > $2 AND e.chain_seq < $3 ORDER BY e.chain_seq`,
          [r.chain, seq, r.chain_seq],
        );
        for (const missed of late.rows) if (!accept(missed)) return { ...walked, chains: states.size };
      }
      if (!accept(r)) return { ...walked, chains: states.size };
    }
    if (rows.length < BATCH) return { ...walked, chains: states.size };
    afterId = rows[rows.length - 1]!.id;
  }
}

/**
 * Verifies the whole audit trail: every row's hash, link, place in its chain and,
 * with the keyring, MAC; then every signed checkpoint, stored or copied out,
 * against the rows it names. Names the first broken row in id order.
 */
export async function verifyAuditChain(pool: Pool, options: VerifyOptions = {}): Promise<ChainVerification> {
  const { keyring } = options;
  const walked = await walkTrail(pool, keyring);
  const trusted = options.publicKeys ?? (keyring ? checkpointPublicKeys(keyring) : []);
  const checkpoints = trusted.length ? [...(await storedCheckpoints(pool)), ...(options.checkpoints ?? [])] : [];
  const finding = walked.finding ?? (await checkCheckpoints(pool, checkpoints, trusted));
  const summary = { checked: walked.verified, chains: walked.chains, unkeyed: walked.unkeyed, macsChecked: Boolean(keyring), checkpoints: checkpoints.length };
  if (!finding) return { ok: true, firstBrokenId: null, reason: null, detail: null, ...summary };
  return { ok: false, firstBrokenId: finding.id, reason: finding.reason, detail: finding.detail, ...summary };
}
