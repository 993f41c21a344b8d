import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';

/** Failures allowed before the account locks; each later failure doubles the wait. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;

/** Seconds an account stays locked after `failures` consecutive failures (0 when not locked). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

/** The user's row and how long its lock still runs (0 when the account is open). */
export interface HeldAccount {
  user: typeof users.$inferSelect;
  lockedForSeconds: number;
}

/**
 * Loads the user's row FOR UPDATE, so every sign-in step of one account (password, code, enrolment)
 * runs one after another until the transaction ends: concurrent guesses are counted in turn, and
 * none is checked once an earlier one has locked the account. The lock is read from the database
 * clock, the same clock `countFailure` sets it with.
 */
export async function holdAccount(tx: Tx, userId: string): Promise<HeldAccount | null> {
  const [row] = await tx
    .select({
      user: users,
      lockedForSeconds: sql<number>`coalesce(greatest(0, ceil(extract(epoch FROM ${users.lockedUntil} - now()))), 0)::int`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row ? { user: row.user, lockedForSeconds: Number(row.lockedForSeconds) } : null;
}

/** The answer to any sign-in step of a locked account; the client learns when to try again. */
export function accountLocked(lockedForSeconds: number): AppError {
  return new AppError('ACCOUNT_LOCKED', 'Too many failed attempts; try again later', { retryAfterSeconds: lockedForSeconds });
}

/**
 * Counts a wrong password or code against the account (never the session: a new session per guess
 * must not start a new count) and locks it once the threshold is reached, doubling with each later failure.
 */
export async function countFailure(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE users SET failed_logins = failed_logins + 1,
      locked_until = CASE WHEN failed_logins + 1 >= ${FAILURES_BEFORE_LOCK}
        THEN now() + make_interval(secs => LEAST(${MAX_LOCK_SECONDS}, ${FIRST_LOCK_SECONDS} * power(2, failed_logins + 1 - ${FAILURES_BEFORE_LOCK})))
        ELSE locked_until END
    WHERE id = ${userId}`);
}

/**
 * Clears the failure count once a whole sign-in has succeeded (password, then the second factor
 * where the account has or needs one). A correct password alone must not: it would let an attacker
 * who knows it guess codes forever.
 */
export async function clearFailures(tx: Tx, userId: string): Promise<void> {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, userId));
}
