import { eq } from 'drizzle-orm';
import { requiresTwoFactor, type Role } from '@shared/roles.js';
import type { RunInTransaction } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { accountLocked, clearFailures, countFailure, holdAccount } from './lockout.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy } from './sessions.js';

export { FAILURES_BEFORE_LOCK, lockSecondsAfter } from './lockout.js';

export type TwoFactorNext = 'required' | 'enrol' | 'none';

/** A new session, its CSRF token, and what the client must do next. */
export interface LoggedIn {
  token: string;
  csrfToken: string;
  next: TwoFactorNext;
}

/**
 * Checks a username and password. On success opens a session whose 2FA state
 * says what comes next; on failure counts the failure and locks with back-off.
 * Unknown usernames and wrong passwords get the same answer and the same time.
 */
export async function logIn(
  transaction: RunInTransaction,
  input: { username: string; password: string },
  client: AuditContext,
  policy: SessionPolicy,
): Promise<LoggedIn> {
  const username = input.username.trim().toLowerCase();
  const user = (await transaction((tx) => tx.select().from(users).where(eq(users.username, username)).limit(1)))[0];
  const attempt = { ...client, actorUsername: username };
  if (!user) {
    await verifyAgainstDummy(input.password);
    await transaction((tx) => recordAudit(tx, attempt, { action: 'auth.login', outcome: 'failure', details: { reason: 'invalid_credentials' } }));
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  const who = { ...attempt, actorUserId: user.id, actorAgencyId: user.agencyId, actorRole: user.roles.join(',') };
  // A locked account costs no password hash; the lock is checked again below, under the row lock.
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await transaction((tx) => recordAudit(tx, who, { action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } }));
    throw accountLocked(Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000));
  }
  const passwordMatches = await verifyPassword(user.passwordHash, input.password);
  const enrolled = Boolean(user.totpSecretEnc);
  const next: TwoFactorNext = enrolled ? 'required' : requiresTwoFactor(user.roles as Role[]) ? 'enrol' : 'none';

  const outcome = await transaction(async (tx): Promise<{ refused: AppError } | { loggedIn: LoggedIn }> => {
    const held = await holdAccount(tx, user.id);
    // Guesses sent together were all hashed above; once one of them locked the account, the others
    // are answered "locked" whether right or wrong, so a burst learns no more than the threshold allows.
    if (held && held.lockedForSeconds > 0) {
      await recordAudit(tx, who, { action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } });
      return { refused: accountLocked(held.lockedForSeconds) };
    }
    if (!passwordMatches) {
      await countFailure(tx, user.id);
      await recordAudit(tx, who, { action: 'auth.login', outcome: 'failure', details: { reason: 'invalid_credentials' } });
      return { refused: new AppError('INVALID_CREDENTIALS', 'Wrong username or password') };
    }
    if (user.disabled) {
      await recordAudit(tx, who, { action: 'auth.login', outcome: 'denied', details: { reason: 'disabled' } });
      return { refused: new AppError('ACCOUNT_DISABLED', 'This account is disabled') };
    }
    // The count is cleared only when the sign-in is whole: here when no second factor follows,
    // otherwise by the correct code (two-factor.ts).
    if (next === 'none') await clearFailures(tx, user.id);
    const { token, csrfToken } = await createSession(tx, user.id, next === 'none', policy, client);
    await recordAudit(tx, who, { action: 'auth.login', details: { twoFactor: next } });
    return { loggedIn: { token, csrfToken, next } };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.loggedIn;
}
