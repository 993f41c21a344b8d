import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { needsApproval, type createUserBody, type updateUserBody } from '@shared/api/admin.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import type { Tx } from '../../db/database.js';
import { agencies, users } from '../../db/schema/index.js';
import type { Keyring } from '../../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { AppError } from '../../http/app-error.js';
import { hashPassword, passwordWeakness } from '../../auth/passwords.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import { issueActivationCode, revokeActivationCodes, unusablePasswordHash } from '../../auth/activation.js';
import { definedFields } from '@shared/defined-fields.js';
import { lockUser, pendingGrantOf, requestRoleGrant, splitRoles } from './role-grants.js';

/** An administrator acting through the API: always a user, never the system. */
export type AdminContext = AuditContext & { actorUserId: string };

/** A new one-time activation code, shown once to the administrator who hands it over. */
export interface IssuedActivation {
  code: string;
  expiresAt: Date;
}

/** Refuses a password that breaks the policy, naming the reason for the UI. */
export function assertStrongPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password', { reason: weakness, issues: [{ field: 'password', reason: weakness }] });
}

async function assertAgencyExists(tx: Tx, agencyId: string): Promise<void> {
  const found = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!found[0]) throw new AppError('VALIDATION_FAILED', 'Unknown agency', { issues: [{ field: 'agencyId', reason: 'unknown' }] });
}

async function assertUsernameFree(tx: Tx, username: string): Promise<void> {
  const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken[0]) throw new AppError('CONFLICT', 'This username is taken', { reason: 'username_taken', issues: [{ field: 'username', reason: 'taken' }] });
}

/**
 * Creates a user account for an administrator. The account has no usable
 * password: the person sets one with the activation code returned here. Roles
 * that need approval are not held yet; they wait for a second administrator.
 */
export async function createUser(tx: Tx, keyring: Keyring, audit: AdminContext, input: z.infer<typeof createUserBody>): Promise<{ id: string; activation: IssuedActivation }> {
  await assertAgencyExists(tx, input.agencyId);
  await assertUsernameFree(tx, input.username);
  const { holdNow, awaitApproval } = splitRoles(input.roles, [], false);
  const [row] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      agencyId: input.agencyId,
      roles: holdNow,
      locale: input.locale,
      passwordHash: await unusablePasswordHash(),
    })
    .returning({ id: users.id });
  const id = row!.id;
  await recordAudit(tx, audit, {
    action: 'user.created',
    resourceType: 'user',
    resourceId: id,
    changedFields: ['username', 'displayName', 'agencyId', 'roles', 'locale'],
    details: { roles: holdNow, pendingRoles: awaitApproval },
  });
  await requestRoleGrant(tx, audit, { userId: id, username: input.username, roles: awaitApproval, agencyId: input.agencyId, cause: 'created' });
  return { id, activation: await issueActivationCode(tx, keyring, audit, id) };
}

/**
 * Creates an administrator with a password typed by the operator at the
 * server's console (`sanad create-admin`): the bootstrap, outside the web
 * administration and its two-person rule, since there is nobody to approve yet.
 */
export async function createAdministratorFromConsole(
  tx: Tx,
  audit: AuditContext,
  input: { username: string; displayName: string; agencyId: string; locale: Locale; password: string },
): Promise<string> {
  assertStrongPassword(input.password, input.username);
  await assertAgencyExists(tx, input.agencyId);
  await assertUsernameFree(tx, input.username);
  const roles: Role[] = ['administrator'];
  const [row] = await tx
    .insert(users)
    .values({ username: input.username, displayName: input.displayName, agencyId: input.agencyId, roles, locale: input.locale, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id });
  await recordAudit(tx, audit, {
    action: 'user.created',
    resourceType: 'user',
    resourceId: row!.id,
    changedFields: ['username', 'displayName', 'agencyId', 'roles', 'locale', 'password'],
    details: { roles, console: true },
  });
  return row!.id;
}

/**
 * Changes roles, agency, name or disabled state. An administrator can never
 * change their own roles or agency. Roles that need approval are not given
 * here: they become a pending grant (moving agency puts them all back there).
 * Removing roles, moving or disabling a user ends their sessions.
 */
export async function updateUser(tx: Tx, audit: AdminContext, userId: string, input: z.infer<typeof updateUserBody>): Promise<void> {
  if (audit.actorUserId === userId) {
    if (input.roles !== undefined) throw new AppError('FORBIDDEN', 'You cannot change your own roles', { reason: 'self_role_change' });
    if (input.agencyId !== undefined) throw new AppError('FORBIDDEN', 'You cannot change your own agency', { reason: 'self_agency_change' });
    if (input.disabled === true) throw new AppError('CONFLICT', 'You cannot disable yourself', { reason: 'self_lockout' });
  }
  const user = await lockUser(tx, userId);
  if (input.agencyId) await assertAgencyExists(tx, input.agencyId);
  const changes: Record<string, unknown> = definedFields({ displayName: input.displayName, disabled: input.disabled });
  const agencyId = input.agencyId ?? user.agencyId;
  const moved = agencyId !== user.agencyId;
  let pendingRoles: Role[] = [];
  if (input.roles || moved) {
    const pending = await pendingGrantOf(tx, userId);
    // Without a new list, a move keeps asking for what the user holds or was waiting for.
    const wanted = input.roles ?? [...user.roles, ...(pending?.roles ?? [])];
    const { holdNow, awaitApproval } = splitRoles(wanted as Role[], user.roles as Role[], !moved);
    // Only a real change counts (and ends sessions): asking for more roles changes nothing held yet.
    if (holdNow.length !== user.roles.length || holdNow.some((role) => !user.roles.includes(role))) changes['roles'] = holdNow;
    if (moved) changes['agencyId'] = agencyId;
    pendingRoles = awaitApproval;
    await requestRoleGrant(tx, audit, { userId, username: user.username, roles: awaitApproval, agencyId, cause: moved ? 'agency_changed' : 'roles_changed' });
  }
  await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, userId));
  if (input.disabled || changes['roles'] || moved) await deleteUserSessions(tx, userId);
  // A request for more roles alone is audited as the request (role-grants.ts).
  if (Object.keys(changes).length === 0) return;
  await recordAudit(tx, audit, {
    action: 'user.updated',
    resourceType: 'user',
    resourceId: userId,
    changedFields: Object.keys(changes),
    details: {
      ...(changes['roles'] ? { roles: changes['roles'], pendingRoles } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    },
  });
}

/**
 * Issues a new activation code (the "reset password" of Sanad): the current
 * password stops working and every session ends. Whoever holds the code could
 * set the password, so the user's roles that need approval are suspended into
 * a pending grant until a second administrator approves them again.
 */
export async function reissueActivation(tx: Tx, keyring: Keyring, audit: AdminContext, userId: string): Promise<IssuedActivation> {
  if (audit.actorUserId === userId) throw new AppError('FORBIDDEN', 'Change your own password on your profile page', { reason: 'self_activation' });
  const user = await lockUser(tx, userId);
  const pending = await pendingGrantOf(tx, userId);
  const privileged = (user.roles as Role[]).filter(needsApproval);
  const stillWaiting = pending && pending.agencyId === user.agencyId ? (pending.roles as Role[]) : [];
  const roles = (user.roles as Role[]).filter((role) => !needsApproval(role));
  await tx
    .update(users)
    .set({ passwordHash: await unusablePasswordHash(), passwordChangedAt: new Date(), roles, updatedAt: new Date() })
    .where(eq(users.id, userId));
  await deleteUserSessions(tx, userId);
  if (privileged.length > 0) {
    await recordAudit(tx, audit, { action: 'user.updated', resourceType: 'user', resourceId: userId, changedFields: ['roles', 'password'], details: { roles, pendingRoles: privileged } });
    await requestRoleGrant(tx, audit, { userId, username: user.username, roles: [...privileged, ...stillWaiting], agencyId: user.agencyId, cause: 'activation_reissued' });
  }
  return issueActivationCode(tx, keyring, audit, userId);
}

/**
 * Clears a user's 2FA so they enrol again at next sign-in (lost phone); ends
 * their sessions. It also revokes an unused activation code: otherwise an
 * administrator holding that code could enrol their own second factor for
 * roles approved while the code was open.
 */
export async function resetTwoFactor(tx: Tx, audit: AdminContext, userId: string): Promise<void> {
  await lockUser(tx, userId);
  await tx.update(users).set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, userId));
  await deleteUserSessions(tx, userId);
  const revoked = await revokeActivationCodes(tx, userId);
  await recordAudit(tx, audit, {
    action: 'user.twoFactorReset',
    resourceType: 'user',
    resourceId: userId,
    changedFields: ['totpSecret', ...(revoked ? ['activationCode'] : [])],
  });
}
