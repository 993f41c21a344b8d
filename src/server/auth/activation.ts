import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { ACTIVATION_ALPHABET, ACTIVATION_CODE_LENGTH, type ActivationFailure } from '@shared/api/activation.js';
import { requiresTwoFactor, type Role } from '@shared/roles.js';
import type { RunInTransaction, Tx } from '../db/database.js';
import { roleGrants, userActivations, users } from '../db/schema/index.js';
import { blindIndex } from '../crypto/blind-index.js';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { hashPassword, passwordWeakness } from './passwords.js';
import type { TwoFactorNext } from './login.js';
import { createSession, deleteUserSessions, type SessionPolicy } from './sessions.js';

/** How long an activation code stays usable: long enough to reach the person, short enough to go stale. */
export const ACTIVATION_LIFETIME_MS = 72 * 60 * 60 * 1000;

const GROUP_LENGTH = 5;

/** A random one-time code such as `K7QX2-…` (four groups of five, about 99 bits). */
export function generateActivationCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i += 1) code += ACTIVATION_ALPHABET[randomInt(ACTIVATION_ALPHABET.length)];
  return code.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/**
 * The keyed hash stored in place of the code. The key is not in the database,
 * so a stolen table or backup cannot be turned back into usable codes.
 * Case, dashes and spaces do not matter.
 */
export function activationCodeHash(keyring: Keyring, code: string): string {
  return blindIndex(keyring, 'user.activation', code.toUpperCase().replace(/[^0-9A-Z]/g, ''));
}

/**
 * A password hash nobody can match: the hash of a random secret that is thrown
 * away. An account waiting for activation thus has no usable password, and a
 * sign-in attempt on it costs the same time as on any other account.
 */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/** Revokes every open (unused) activation code of a user; returns how many. */
export async function revokeActivationCodes(tx: Tx, userId: string): Promise<number> {
  const revoked = await tx
    .update(userActivations)
    .set({ revokedAt: new Date() })
    .where(and(eq(userActivations.userId, userId), isNull(userActivations.usedAt), isNull(userActivations.revokedAt)))
    .returning({ id: userActivations.id });
  return revoked.length;
}

/**
 * Issues a new one-time activation code for a user (revoking any earlier one)
 * and returns it: the only moment it exists in clear.
 */
export async function issueActivationCode(tx: Tx, keyring: Keyring, audit: AuditContext, userId: string): Promise<{ code: string; expiresAt: Date }> {
  await revokeActivationCodes(tx, userId);
  const code = generateActivationCode();
  const expiresAt = new Date(Date.now() + ACTIVATION_LIFETIME_MS);
  await tx.insert(userActivations).values({ userId, codeHash: activationCodeHash(keyring, code), issuedBy: audit.actorUserId, expiresAt });
  await recordAudit(tx, audit, {
    action: 'user.activationIssued',
    resourceType: 'user',
    resourceId: userId,
    changedFields: ['activationCode'],
    details: { expiresAt: expiresAt.toISOString() },
  });
  return { code, expiresAt };
}

function refused(reason: ActivationFailure): AppError {
  return new AppError('ACTIVATION_INVALID', 'This activation code is wrong, expired or already used', { reason });
}

/**
 * First sign-in with an activation code: checks the code against the username,
 * sets the password the person chose, uses the code up (once, atomically) and
 * opens a session whose 2FA state says what comes next, as a sign-in does.
 * Roles still waiting for approval count: a future police officer enrols their
 * second factor now, not after the approval.
 */
export async function activateAccount(
  transaction: RunInTransaction,
  keyring: Keyring,
  input: { username: string; code: string; password: string },
  client: AuditContext,
  policy: SessionPolicy,
): Promise<{ token: string; next: TwoFactorNext }> {
  const username = input.username.trim().toLowerCase();
  const attempt = { ...client, actorUsername: username };
  const [found] = await transaction((tx) =>
    tx
      .select({ activation: userActivations, user: users })
      .from(userActivations)
      .innerJoin(users, eq(users.id, userActivations.userId))
      .where(eq(userActivations.codeHash, activationCodeHash(keyring, input.code)))
      .limit(1),
  );
  // A code of another user reads exactly like a wrong code: no oracle on usernames.
  const failure: ActivationFailure | null =
    !found || found.user.username !== username || found.activation.revokedAt
      ? 'invalid'
      : found.activation.usedAt
        ? 'used'
        : found.activation.expiresAt.getTime() <= Date.now()
          ? 'expired'
          : null;
  if (failure || !found) {
    const who = found && failure !== 'invalid' ? { ...attempt, actorUserId: found.user.id, actorAgencyId: found.user.agencyId } : attempt;
    await transaction((tx) => recordAudit(tx, who, { action: 'auth.activated', outcome: 'failure', details: { reason: failure ?? 'invalid' } }));
    throw refused(failure ?? 'invalid');
  }
  const user = found.user;
  const who = { ...attempt, actorUserId: user.id, actorAgencyId: user.agencyId, actorRole: user.roles.join(',') };
  if (user.disabled) {
    await transaction((tx) => recordAudit(tx, who, { action: 'auth.activated', outcome: 'denied', details: { reason: 'disabled' } }));
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
  }
  const weakness = passwordWeakness(input.password, username);
  if (weakness) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password', { reason: weakness, issues: [{ field: 'password', reason: weakness }] });
  const passwordHash = await hashPassword(input.password);

  return transaction(async (tx) => {
    // Single use even under concurrent attempts: only one UPDATE finds the code open.
    const used = await tx
      .update(userActivations)
      .set({ usedAt: new Date() })
      .where(and(eq(userActivations.id, found.activation.id), isNull(userActivations.usedAt), isNull(userActivations.revokedAt), sql`${userActivations.expiresAt} > now()`))
      .returning({ id: userActivations.id });
    if (!used[0]) throw refused('used');
    const pending = await tx
      .select({ roles: roleGrants.roles })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, user.id), eq(roleGrants.status, 'pending')));
    const roles = [...user.roles, ...pending.flatMap((grant) => grant.roles)] as Role[];
    const next: TwoFactorNext = user.totpSecretEnc ? 'required' : requiresTwoFactor(roles) ? 'enrol' : 'none';
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date(), ...(next === 'none' ? { lastLoginAt: new Date() } : {}) })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    const { token } = await createSession(tx, user.id, next === 'none', policy, client);
    await recordAudit(tx, who, { action: 'auth.activated', resourceType: 'user', resourceId: user.id, changedFields: ['password'], details: { twoFactor: next } });
    return { token, next };
  });
}
