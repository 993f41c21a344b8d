import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserBody, updateUserBody } from '@shared/api/admin.js';
import type { Tx } from '../../db/database.js';
import { agencies, users } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { AppError, notFound } from '../../http/app-error.js';
import { hashPassword, passwordWeakness } from '../../auth/passwords.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import { definedFields } from '@shared/defined-fields.js';

/** Refuses a password that breaks the policy, naming the reason for the UI. */
export function assertStrongPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password', { reason: weakness, issues: [{ field: 'password', reason: weakness }] });
}

async function assertAgencyExists(tx: Tx, agencyId: string): Promise<void> {
  const found = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!found[0]) throw new AppError('VALIDATION_FAILED', 'Unknown agency', { issues: [{ field: 'agencyId', reason: 'unknown' }] });
}

/** Creates a user account (by an administrator or the create-admin command). */
export async function createUser(tx: Tx, audit: AuditContext, input: z.infer<typeof createUserBody>): Promise<string> {
  assertStrongPassword(input.password, input.username);
  await assertAgencyExists(tx, input.agencyId);
  const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken[0]) throw new AppError('CONFLICT', 'This username is taken', { reason: 'duplicate', issues: [{ field: 'username', reason: 'taken' }] });
  const [row] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      agencyId: input.agencyId,
      roles: [...new Set(input.roles)],
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id });
  await recordAudit(tx, audit, {
    action: 'user.created',
    resourceType: 'user',
    resourceId: row!.id,
    changedFields: ['username', 'displayName', 'agencyId', 'roles', 'locale', 'password'],
    details: { roles: input.roles },
  });
  return row!.id;
}

/** Changes roles, agency, name or disabled state; disabling or moving a user ends their sessions. */
export async function updateUser(tx: Tx, audit: AuditContext, userId: string, input: z.infer<typeof updateUserBody>): Promise<void> {
  if (input.agencyId) await assertAgencyExists(tx, input.agencyId);
  const changes = definedFields(input);
  if (input.roles) changes['roles'] = [...new Set(input.roles)];
  if (audit.actorUserId === userId && (input.disabled === true || (input.roles && !input.roles.includes('administrator')))) {
    throw new AppError('CONFLICT', 'You cannot disable yourself or remove your own administrator role', { reason: 'self_lockout' });
  }
  const updated = await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ id: users.id });
  if (!updated[0]) throw notFound('User');
  if (input.disabled || input.roles || input.agencyId) await deleteUserSessions(tx, userId);
  await recordAudit(tx, audit, {
    action: 'user.updated',
    resourceType: 'user',
    resourceId: userId,
    changedFields: Object.keys(changes),
    details: { ...(input.roles ? { roles: input.roles } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled } : {}) },
  });
}

/** Clears a user's 2FA so they enrol again at next sign-in (lost phone); ends their sessions. */
export async function resetTwoFactor(tx: Tx, audit: AuditContext, userId: string): Promise<void> {
  const updated = await tx
    .update(users)
    .set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpLastStep: null, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!updated[0]) throw notFound('User');
  await deleteUserSessions(tx, userId);
  await recordAudit(tx, audit, { action: 'user.twoFactorReset', resourceType: 'user', resourceId: userId, changedFields: ['totpSecret'] });
}
