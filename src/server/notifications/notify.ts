import { sql } from 'drizzle-orm';
import type { NotificationKind } from '@shared/notifications.js';
import type { Role } from '@shared/roles.js';
import type { Tx } from '../db/database.js';

/**
 * Who receives a notification: named users, and/or the active users of an
 * agency (optionally only some roles), or, with `roles` and no agency, every
 * active user holding one of those roles (the hotline's operators, wherever
 * their agency is).
 */
export interface Recipients {
  userIds?: string[];
  agencyId?: string;
  roles?: Role[];
}

export interface NotificationInput {
  recipients: Recipients;
  kind: NotificationKind;
  resourceType: string;
  resourceId: string;
  /** Non-identifying values for the message: case numbers, dates, counts. Never names. */
  params?: Record<string, string | number>;
  /** Raise this alert at most once per user (periodic sweeps). */
  dedupeKey?: string;
  /** Leave the acting user out (no notification about one's own action). */
  exceptUserId?: string | null;
}

/**
 * Notifies users inside the caller's transaction, with one set-based INSERT …
 * SELECT over the recipients (no loop over users). Returns how many were notified.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<number> {
  const { recipients } = input;
  const userIds = recipients.userIds ?? [];
  const roles = recipients.roles ?? [];
  if (userIds.length === 0 && !recipients.agencyId && roles.length === 0) return 0;
  const byRole = sql`u.roles && ${`{${roles.join(',')}}`}::text[]`;
  const byAgency = recipients.agencyId
    ? roles.length
      ? sql`(u.agency_id = ${recipients.agencyId} AND ${byRole})`
      : sql`u.agency_id = ${recipients.agencyId}`
    : roles.length
      ? byRole
      : sql`false`;
  const byId = userIds.length ? sql`u.id = ANY(${`{${userIds.join(',')}}`}::uuid[])` : sql`false`;
  const result = await tx.execute(sql`
    INSERT INTO notifications (user_id, kind, resource_type, resource_id, params, dedupe_key)
    SELECT u.id, ${input.kind}, ${input.resourceType}, ${input.resourceId}, ${JSON.stringify(input.params ?? {})}::jsonb, ${input.dedupeKey ?? null}
      FROM users u
     WHERE NOT u.disabled AND (${byId} OR ${byAgency})
       AND u.id IS DISTINCT FROM ${input.exceptUserId ?? null}::uuid
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  return result.rowCount ?? 0;
}
