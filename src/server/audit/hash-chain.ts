import { createHash } from 'node:crypto';

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

/** SHA-256 over the row's fields and the previous row's hash. */
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
