import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type pg from 'pg';
import { z } from 'zod';
import type { Keyring } from '../crypto/keyring.js';
import { checkpointPublicKeys, checkpointSigner, signMessage, verifyMessage } from '../crypto/audit-keys.js';
import { canonicalJson } from './hash-chain.js';

type Queryable = pg.Pool | pg.ClientBase;

const headSchema = z.object({ chain: z.number().int().min(0), seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** A signed statement of where every chain stood at a moment: checked later against the database. */
export const signedCheckpointSchema = z.object({
  type: z.literal('sanad.audit.checkpoint'),
  version: z.literal(1),
  createdAt: z.string(),
  /** Events in the trail at that moment (the sum of the chains' sequence numbers). */
  events: z.number().int().min(0),
  chains: z.array(headSchema),
  /** Id of the master key whose derived Ed25519 key signed it. */
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type SignedCheckpoint = z.infer<typeof signedCheckpointSchema>;
export type ChainHead = z.infer<typeof headSchema>;

// Visits each chain through the (chain, chain_seq) index: one probe per chain, not a scan of the trail.
const CHAIN_HEADS_SQL = `
  WITH RECURSIVE chains(chain) AS (
    (SELECT e.chain FROM audit_events e ORDER BY e.chain LIMIT 1)
    UNION ALL
    SELECT (SELECT e.chain FROM audit_events e WHERE e.chain > chains.chain ORDER BY e.chain LIMIT 1)
      FROM chains WHERE chains.chain IS NOT NULL
  )
  SELECT c.chain::int AS chain, head.chain_seq::text AS seq, head.hash
    FROM chains c
    CROSS JOIN LATERAL (SELECT e.chain_seq, e.hash FROM audit_events e WHERE e.chain = c.chain ORDER BY e.chain_seq DESC LIMIT 1) AS head
   WHERE c.chain IS NOT NULL
   ORDER BY c.chain`;

/** The newest row of every chain, read in one statement (so from one consistent snapshot). */
export async function readChainHeads(db: Queryable): Promise<ChainHead[]> {
  const { rows } = await db.query<{ chain: number; seq: string; hash: string }>(CHAIN_HEADS_SQL);
  return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
}

function signedMessage(checkpoint: Omit<SignedCheckpoint, 'signature'>): string {
  return canonicalJson(checkpoint);
}

/** Signs the given heads with the Ed25519 key derived from the current master key. */
export function signCheckpoint(keyring: Keyring, heads: ChainHead[], createdAt = new Date()): SignedCheckpoint {
  const signer = checkpointSigner(keyring);
  const body = {
    type: 'sanad.audit.checkpoint' as const,
    version: 1 as const,
    createdAt: createdAt.toISOString(),
    events: heads.reduce((sum, head) => sum + head.seq, 0),
    chains: heads,
    keyId: signer.keyId,
    publicKey: signer.publicKey,
  };
  return { ...body, signature: signMessage(signer, signedMessage(body)) };
}

/** Whether the checkpoint was signed by one of the `trusted` public keys and not changed since. */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, trusted: string[]): boolean {
  if (!trusted.includes(checkpoint.publicKey)) return false;
  const { signature, ...body } = checkpoint;
  return verifyMessage(checkpoint.publicKey, signedMessage(body), signature);
}

/** Reads checkpoints from a file: JSON lines (what Sanad appends), one JSON object, or a JSON array. */
export function parseCheckpoints(text: string): SignedCheckpoint[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const values: unknown[] = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  return values.map((value, index) => {
    const parsed = signedCheckpointSchema.safeParse(value);
    if (!parsed.success) throw new Error(`checkpoint ${index + 1} is not a Sanad audit checkpoint: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

// A stored document that is not a checkpoint cannot carry a valid signature: it is kept, as an
// unsigned checkpoint, so that the check reports it rather than skipping it.
function storedDocument(document: string): SignedCheckpoint {
  let value: unknown = null;
  try {
    value = JSON.parse(document);
  } catch {
    // reported below as unsigned
  }
  const parsed = signedCheckpointSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return { type: 'sanad.audit.checkpoint', version: 1, createdAt: 'unknown', events: 0, chains: [], keyId: '', publicKey: '', signature: '' };
}

/** The checkpoints kept in the database, oldest first. */
export async function storedCheckpoints(db: Queryable): Promise<SignedCheckpoint[]> {
  const { rows } = await db.query<{ document: string }>('SELECT document FROM audit_checkpoints ORDER BY id');
  return rows.map((r) => storedDocument(r.document));
}

/** The trail no longer holds what a signed checkpoint says it held. */
export class AuditTamperedError extends Error {
  constructor(readonly finding: CheckpointFinding) {
    super(`The audit trail was tampered with (${finding.reason}): ${finding.detail}. No checkpoint was signed; run sanad audit verify.`);
  }
}

/** What a checkpoint reveals about the trail: a closed list, labelled on the auditor's screen. */
export const CHECKPOINT_BREAKS = [
  'truncated', // a signed checkpoint names a row the trail no longer has
  'checkpoint_mismatch', // the row a signed checkpoint names is not the row it signed: history was rewritten
  'checkpoint_forged', // a checkpoint whose signature is not from this system's key
] as const;
export type CheckpointBreak = (typeof CHECKPOINT_BREAKS)[number];

export interface CheckpointFinding {
  id: string | null;
  reason: CheckpointBreak;
  detail: string;
}

const LOOKUP_BATCH = 5000;

/** Checks each checkpoint's signature, then that the trail still holds each row it signed, unchanged. */
export async function checkCheckpoints(db: Queryable, checkpoints: SignedCheckpoint[], trusted: string[]): Promise<CheckpointFinding | null> {
  const expected = new Map<string, { chain: number; seq: number; hash: string; at: string }>();
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureValid(checkpoint, trusted)) {
      return { id: null, reason: 'checkpoint_forged', detail: `checkpoint of ${String(checkpoint.createdAt)} is not signed by this system's key` };
    }
    for (const head of checkpoint.chains) {
      const key = `${head.chain}:${head.seq}`;
      const seen = expected.get(key);
      if (seen && seen.hash !== head.hash) {
        return { id: null, reason: 'checkpoint_mismatch', detail: `checkpoints of ${seen.at} and ${checkpoint.createdAt} disagree on chain ${head.chain}, event ${head.seq}` };
      }
      expected.set(key, { ...head, at: checkpoint.createdAt });
    }
  }
  const wanted = [...expected.values()];
  for (let start = 0; start < wanted.length; start += LOOKUP_BATCH) {
    const batch = wanted.slice(start, start + LOOKUP_BATCH);
    const { rows } = await db.query<{ i: number; id: string | null; hash: string | null }>(
      `SELECT t.i::int AS i, e.id::text AS id, e.hash
         FROM unnest($1::int[], $2::bigint[]) WITH ORDINALITY AS t(chain, seq, i)
         LEFT JOIN audit_events e ON e.chain = t.chain AND e.chain_seq = t.seq
        ORDER BY t.i`,
      [batch.map((h) => h.chain), batch.map((h) => h.seq)],
    );
    for (const row of rows) {
      const head = batch[row.i - 1]!;
      if (row.id === null) {
        return { id: null, reason: 'truncated', detail: `chain ${head.chain} no longer has event ${head.seq}, signed in the checkpoint of ${head.at}` };
      }
      if (row.hash !== head.hash) {
        return { id: row.id, reason: 'checkpoint_mismatch', detail: `chain ${head.chain}, event ${head.seq} differs from the checkpoint of ${head.at}` };
      }
    }
  }
  return null;
}

export interface WriteCheckpointOptions {
  /** Also append it (one JSON line) to this file, outside the database. */
  file?: string;
  /** Write nothing when no chain moved since the newest stored checkpoint. */
  onlyIfChanged?: boolean;
}

/**
 * Takes a checkpoint of the trail now: signs the chain heads, stores the
 * document in the database and appends it to the file when one is given.
 */
export async function writeCheckpoint(db: Queryable, keyring: Keyring, options: WriteCheckpointOptions = {}): Promise<SignedCheckpoint | null> {
  const heads = await readChainHeads(db);
  const { rows } = await db.query<{ document: string }>('SELECT document FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
  const previous = rows[0] ? storedDocument(rows[0].document) : null;
  if (previous) {
    // Never sign over a trail that lost or changed what the last checkpoint signed: that is the alarm.
    const finding = await checkCheckpoints(db, [previous], checkpointPublicKeys(keyring));
    if (finding) throw new AuditTamperedError(finding);
    if (options.onlyIfChanged && canonicalJson(previous.chains) === canonicalJson(heads)) return null;
  }
  const checkpoint = signCheckpoint(keyring, heads);
  const document = JSON.stringify(checkpoint);
  await db.query('INSERT INTO audit_checkpoints (document) VALUES ($1)', [document]);
  if (options.file) {
    await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
    await appendFile(options.file, `${document}\n`, { mode: 0o640 });
  }
  return checkpoint;
}
