import { eq, sql } from 'drizzle-orm';
import { requiresTwoFactor, type Role } from '@shared/roles.js';
import type { Db } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { recordAudit, recordAuditStandalone, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy } from './sessions.js';

/** Failures allowed before the account locks; each later failure doubles the wait. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;

/** Seconds an account stays locked after `failures` consecutive failures (0 when not locked). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

export type TwoFactorNext = 'required' | 'enrol' | 'none';

/**
 * Checks a username and password. On success opens a session whose 2FA state
 * says what comes next; on failure counts the failure and locks with back-off.
 * Unknown usernames and wrong passwords get the same answer and the same time.
 */
export async function logIn(
  db: Db,
  input: { username: string; password: string },
  client: AuditContext,
  policy: SessionPolicy,
): Promise<{ token: string; next: TwoFactorNext }> {
  const username = input.username.trim().toLowerCase();
  const user = (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];
  const attempt = { ...client, actorUsername: username };
  if (!user) {
    await verifyAgainstDummy(input.password);
    await recordAuditStandalone(db, attempt, { action: 'auth.login', outcome: 'failure', details: { reason: 'invalid_credentials' } });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  const who = { ...attempt, actorUserId: user.id, actorAgencyId: user.agencyId, actorRole: user.roles.join(',') };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await recordAuditStandalone(db, who, { action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } });
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed attempts; try again later', {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000),
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await registerFailure(db, user.id);
    await recordAuditStandalone(db, who, { action: 'auth.login', outcome: 'failure', details: { reason: 'invalid_credentials' } });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  if (user.disabled) {
    await recordAuditStandalone(db, who, { action: 'auth.login', outcome: 'denied', details: { reason: 'disabled' } });
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
  }
  const enrolled = Boolean(user.totpSecretEnc);
  const next: TwoFactorNext = enrolled ? 'required' : requiresTwoFactor(user.roles as Role[]) ? 'enrol' : 'none';
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, ...(next === 'none' ? { lastLoginAt: new Date() } : {}) })
      .where(eq(users.id, user.id));
    const { token } = await createSession(tx, user.id, next === 'none', policy, client);
    await recordAudit(tx, who, { action: 'auth.login', details: { twoFactor: next } });
    return { token, next };
  });
}

/** Counts a failed password or code and locks the account once the threshold is passed. */
export async function registerFailure(db: Db, userId: string): Promise<void> {
  await db.execute(sql`
    UPDATE users SET failed_logins = failed_logins + 1,
      locked_until = CASE WHEN failed_logins + 1 >= ${FAILURES_BEFORE_LOCK}
        THEN now() + make_interval(secs => LEAST(${MAX_LOCK_SECONDS}, ${FIRST_LOCK_SECONDS} * power(2, failed_logins + 1 - ${FAILURES_BEFORE_LOCK})))
        ELSE locked_until END
    WHERE id = ${userId}`);
}
