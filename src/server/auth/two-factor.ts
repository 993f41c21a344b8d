import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { RunInTransaction, Tx } from '../db/database.js';
import { sessions, users } from '../db/schema/index.js';
import { open, seal } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { accountLocked, clearFailures, countFailure, holdAccount, type HeldAccount } from './lockout.js';
import type { LoadedSession, SessionPolicy } from './sessions.js';
import { createSession } from './sessions.js';
import { enrolmentOf, newTotpSecret, verifyTotp } from './totp.js';

/** The session's user, held FOR UPDATE, after checking the account is not locked (an audited refusal otherwise). */
async function heldUnlessLocked(tx: Tx, session: LoadedSession, client: AuditContext): Promise<{ held: HeldAccount } | { refused: AppError }> {
  const held = await holdAccount(tx, session.user.id);
  if (!held) return { refused: new AppError('UNAUTHENTICATED', 'Sign in first') };
  // A session that passed the password before the lock gets nowhere during it: no code is checked.
  if (held.lockedForSeconds > 0) {
    await recordAudit(tx, client, { action: 'auth.twoFactorFailed', outcome: 'denied', details: { reason: 'locked' } });
    return { refused: accountLocked(held.lockedForSeconds) };
  }
  return { held };
}

/**
 * Starts (or resumes) enrolment for a signed-in user without 2FA: a pending
 * secret is kept encrypted until the first correct code confirms it.
 */
export async function startEnrolment(transaction: RunInTransaction, keyring: Keyring, session: LoadedSession, client: AuditContext) {
  const outcome = await transaction(async (tx): Promise<{ refused: AppError } | { secret: string; username: string }> => {
    const checked = await heldUnlessLocked(tx, session, client);
    if ('refused' in checked) return checked;
    const user = checked.held.user;
    if (user.totpSecretEnc) return { refused: new AppError('CONFLICT', 'Two-factor authentication is already set up', { reason: 'two_factor_enrolled' }) };
    if (user.totpPendingSecretEnc) return { secret: open(keyring, users.totpPendingSecretEnc, user.totpPendingSecretEnc), username: user.username };
    const secret = newTotpSecret();
    await tx.update(users).set({ totpPendingSecretEnc: seal(keyring, users.totpPendingSecretEnc, secret) }).where(eq(users.id, user.id));
    return { secret, username: user.username };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { ...(await enrolmentOf(outcome.secret, outcome.username)), secret: outcome.secret };
}

/**
 * Records that the user has used the code of `step`, unless that step or a later one was used
 * already: the conditional UPDATE is what makes a code single-use per account, whatever number of
 * sessions send it at the same moment, on either database.
 */
async function claimTimeStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const claimed = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/**
 * Checks a TOTP code for the session's user (confirming enrolment when it is
 * pending). A correct code replaces the session with a fresh, fully signed-in
 * one (a new token: no session fixation) and clears the account's failure count.
 * A wrong or already used one counts as a failed sign-in of the account.
 */
export async function completeTwoFactor(
  transaction: RunInTransaction,
  keyring: Keyring,
  session: LoadedSession,
  code: string,
  client: AuditContext,
  policy: SessionPolicy,
): Promise<{ token: string; csrfToken: string }> {
  const outcome = await transaction(async (tx): Promise<{ refused: AppError } | { token: string; csrfToken: string }> => {
    const checked = await heldUnlessLocked(tx, session, client);
    if ('refused' in checked) return checked;
    // The row as it is now, not as the session loaded it: another session may have used a code since.
    const user = checked.held.user;
    const sealed = user.totpSecretEnc ?? user.totpPendingSecretEnc;
    if (!sealed) return { refused: new AppError('CONFLICT', 'Start two-factor enrolment first', { reason: 'two_factor_not_started' }) };
    const secret = user.totpSecretEnc ? open(keyring, users.totpSecretEnc, sealed) : open(keyring, users.totpPendingSecretEnc, sealed);
    const step = await verifyTotp(secret, code, user.totpLastStep ?? null);
    if (step === null || !(await claimTimeStep(tx, user.id, step))) {
      await countFailure(tx, user.id);
      await recordAudit(tx, client, { action: 'auth.twoFactorFailed', outcome: 'failure' });
      return { refused: new AppError('TWO_FACTOR_INVALID', 'The code is wrong or expired') };
    }
    const enrolling = !user.totpSecretEnc;
    // Sealed again for the column it moves to: a column's values open only with that column's context.
    if (enrolling) await tx.update(users).set({ totpSecretEnc: seal(keyring, users.totpSecretEnc, secret), totpPendingSecretEnc: null }).where(eq(users.id, user.id));
    await clearFailures(tx, user.id);
    await tx.delete(sessions).where(eq(sessions.id, session.id));
    const created = await createSession(tx, user.id, true, policy, client);
    await recordAudit(tx, client, { action: enrolling ? 'auth.twoFactorEnrolled' : 'auth.twoFactorVerified' });
    return created;
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}
