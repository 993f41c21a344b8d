import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The fields of an audit row that its hash covers, in a fixed order. */
export interface ChainedFields {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  changedFields: string[];
  details: unknown;
  prevHash: string;
}

/** The hash a chain starts from (there is no row before the first). */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of a keyed row (from migration 0009 on): its chain, its place in it, and the master key's id. */
export interface KeyedChainFields extends ChainedFields {
  chain: number;
  chainSeq: number;
  keyId: string;
}

/**
 * SHA-256 of a row written before keyed chains (migration 0009): over the row's
 * fields and the previous row's hash.
 */
export function hashAuditRow(row: ChainedFields): string {
  const material = canonicalJson([
    row.id,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorUsername,
    row.actorAgencyId,
    row.actorRole,
    row.action,
    row.resourceType,
    row.resourceId,
    row.outcome,
    row.ip,
    row.userAgent,
    row.changedFields,
    row.details,
    row.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * SHA-256 of a keyed row: its content, its chain and place, the key id and the
 * previous row's hash. Anyone can recompute it; only the MAC needs the key.
 */
export function hashKeyedAuditRow(row: KeyedChainFields): string {
  const material = canonicalJson([
    'sanad-audit-v2',
    row.id,
    row.chain,
    row.chainSeq,
    row.keyId,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorUsername,
    row.actorAgencyId,
    row.actorRole,
    row.action,
    row.resourceType,
    row.resourceId,
    row.outcome,
    row.ip,
    row.userAgent,
    row.changedFields,
    row.details,
    row.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/** HMAC-SHA256 of a row's hash under the audit key: what someone without the key cannot make. */
export function macOfHash(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(hash).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
