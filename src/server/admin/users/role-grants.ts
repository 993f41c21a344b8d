import { and, eq, sql } from 'drizzle-orm';
import { needsApproval, type ROLE_GRANT_CAUSES } from '@shared/api/admin.js';
import type { NotificationKind } from '@shared/notifications.js';
import type { Role } from '@shared/roles.js';
import type { Tx } from '../../db/database.js';
import { roleGrants, users } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { AppError, notFound } from '../../http/app-error.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import { notify } from '../../notifications/notify.js';

export type GrantCause = (typeof ROLE_GRANT_CAUSES)[number];

/**
 * Splits the roles an administrator wants a user to have into those the user
 * holds at once and those that wait for a second administrator. A role that
 * needs approval is kept without a new approval only if the user already holds
 * it in the same agency.
 */
export function splitRoles(wanted: readonly Role[], held: readonly Role[], sameAgency: boolean): { holdNow: Role[]; awaitApproval: Role[] } {
  const unique = [...new Set(wanted)];
  const holdNow = unique.filter((role) => !needsApproval(role) || (sameAgency && held.includes(role)));
  return { holdNow, awaitApproval: unique.filter((role) => !holdNow.includes(role)) };
}

/** The pending grant of a user, if any. */
export async function pendingGrantOf(tx: Tx, userId: string) {
  const [grant] = await tx
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.status, 'pending')));
  return grant ?? null;
}

/** Locks a user's row for the rest of the transaction (role changes and approvals serialise on it). */
export async function lockUser(tx: Tx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound('User');
  return user;
}

/**
 * Notifies the auditors, and for a request the other administrators too (one
 * of them must approve), never the acting administrator.
 */
async function notifyRoleGrant(tx: Tx, kind: NotificationKind, input: { userId: string; username: string; actorUserId: string; alsoUserIds?: string[] }) {
  const watchers = kind === 'role_grant_requested' ? ['auditor', 'administrator'] : ['auditor'];
  const recipients = await tx.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE roles && ${`{${watchers.join(',')}}`}::text[] AND NOT disabled AND id <> ${input.userId}`,
  );
  await notify(tx, {
    recipients: { userIds: [...recipients.rows.map((row) => row.id), ...(input.alsoUserIds ?? [])] },
    kind,
    resourceType: 'user',
    resourceId: input.userId,
    params: { reference: input.username },
    exceptUserId: input.actorUserId,
  });
}

/**
 * Asks for `roles` to be given to a user in `agencyId`, pending a second
 * administrator's approval. Replaces (withdraws) any earlier pending request
 * for the user, unless it asked for exactly the same; with no roles it only
 * withdraws. Audited and notified to the auditors and administrators.
 */
export async function requestRoleGrant(
  tx: Tx,
  audit: AuditContext & { actorUserId: string },
  input: { userId: string; username: string; roles: readonly Role[]; agencyId: string; cause: GrantCause },
): Promise<string | null> {
  const roles = [...new Set(input.roles)].sort();
  const previous = await pendingGrantOf(tx, input.userId);
  if (previous && previous.agencyId === input.agencyId && [...previous.roles].sort().join(',') === roles.join(',')) return previous.id;
  if (previous) {
    await tx
      .update(roleGrants)
      .set({ status: 'withdrawn', decidedBy: audit.actorUserId, decidedAt: new Date() })
      .where(and(eq(roleGrants.id, previous.id), eq(roleGrants.status, 'pending')));
  }
  if (roles.length === 0) return null;
  const [grant] = await tx
    .insert(roleGrants)
    .values({ userId: input.userId, roles, agencyId: input.agencyId, cause: input.cause, requestedBy: audit.actorUserId })
    .returning({ id: roleGrants.id });
  await recordAudit(tx, audit, {
    action: 'user.roleGrantRequested',
    resourceType: 'user',
    resourceId: input.userId,
    changedFields: ['roles'],
    details: { grantId: grant!.id, roles, agencyId: input.agencyId, cause: input.cause, ...(previous ? { replaces: previous.id } : {}) },
  });
  await notifyRoleGrant(tx, 'role_grant_requested', { userId: input.userId, username: input.username, actorUserId: audit.actorUserId });
  return grant!.id;
}

/** Loads a pending grant and its user, both locked, for a decision by `deciderId`. */
async function loadForDecision(tx: Tx, grantId: string) {
  const [peek] = await tx.select({ userId: roleGrants.userId }).from(roleGrants).where(eq(roleGrants.id, grantId));
  if (!peek) throw notFound('Role grant');
  // User first, then grant: the same order as a role change, so the two cannot deadlock.
  const user = await lockUser(tx, peek.userId);
  const [grant] = await tx.select().from(roleGrants).where(eq(roleGrants.id, grantId)).for('update');
  if (grant!.status !== 'pending') throw new AppError('CONFLICT', 'This request was already decided or replaced', { reason: 'role_grant_decided' });
  return { grant: grant!, user };
}

/**
 * Approves a pending grant: the approver must be another administrator than
 * the one who asked, and not the user it is for. The user then holds the roles;
 * their sessions end, so the next sign-in goes through 2FA with the new roles.
 */
export async function approveRoleGrant(tx: Tx, audit: AuditContext & { actorUserId: string }, grantId: string): Promise<string> {
  const { grant, user } = await loadForDecision(tx, grantId);
  if (grant.requestedBy === audit.actorUserId) {
    throw new AppError('FORBIDDEN', 'A second administrator must approve this request', { reason: 'own_request' });
  }
  if (grant.userId === audit.actorUserId) throw new AppError('FORBIDDEN', 'You cannot approve roles for yourself', { reason: 'own_account' });
  // A move to another agency withdraws the request, so this is a safety net.
  if (user.agencyId !== grant.agencyId) throw new AppError('CONFLICT', 'The user has moved to another agency', { reason: 'user_agency_changed' });
  const roles = [...new Set([...user.roles, ...grant.roles])];
  await tx.update(users).set({ roles, updatedAt: new Date() }).where(eq(users.id, user.id));
  await tx.update(roleGrants).set({ status: 'approved', decidedBy: audit.actorUserId, decidedAt: new Date() }).where(eq(roleGrants.id, grant.id));
  await deleteUserSessions(tx, user.id);
  await recordAudit(tx, audit, {
    action: 'user.roleGrantApproved',
    resourceType: 'user',
    resourceId: user.id,
    changedFields: ['roles'],
    details: { grantId: grant.id, roles: grant.roles, agencyId: grant.agencyId, requestedBy: grant.requestedBy },
  });
  await notifyRoleGrant(tx, 'role_grant_approved', { userId: user.id, username: user.username, actorUserId: audit.actorUserId, alsoUserIds: [grant.requestedBy] });
  return user.id;
}

/** Rejects a pending grant (any administrator, the requester included): the user never gets those roles. */
export async function rejectRoleGrant(tx: Tx, audit: AuditContext & { actorUserId: string }, grantId: string): Promise<string> {
  const { grant, user } = await loadForDecision(tx, grantId);
  await tx.update(roleGrants).set({ status: 'rejected', decidedBy: audit.actorUserId, decidedAt: new Date() }).where(eq(roleGrants.id, grant.id));
  await recordAudit(tx, audit, {
    action: 'user.roleGrantRejected',
    resourceType: 'user',
    resourceId: user.id,
    details: { grantId: grant.id, roles: grant.roles, agencyId: grant.agencyId, requestedBy: grant.requestedBy },
  });
  return user.id;
}
