import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { sessions, users } from '../db/schema/index.js';
import { decryptText, encryptText } from '../crypto/encryption.js';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, recordAuditStandalone, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { registerFailure } from './login.js';
import type { LoadedSession, SessionPolicy } from './sessions.js';
import { createSession } from './sessions.js';
import { enrolmentOf, newTotpSecret, verifyTotp } from './totp.js';

export const TOTP_CONTEXT = 'user.totp_secret';

/**
 * Starts (or resumes) enrolment for a signed-in user without 2FA: a pending
 * secret is kept encrypted until the first correct code confirms it.
 */
export async function startEnrolment(db: Db, keyring: Keyring, session: LoadedSession) {
  const user = session.user;
  if (user.totpSecretEnc) throw new AppError('CONFLICT', 'Two-factor authentication is already set up', { reason: 'already_enrolled' });
  let secret: string;
  if (user.totpPendingSecretEnc) {
    secret = decryptText(keyring, user.totpPendingSecretEnc, TOTP_CONTEXT);
  } else {
    secret = newTotpSecret();
    await db.update(users).set({ totpPendingSecretEnc: encryptText(keyring, secret, TOTP_CONTEXT) }).where(eq(users.id, user.id));
  }
  return { ...(await enrolmentOf(secret, user.username)), secret };
}

/**
 * Checks a TOTP code for the session's user (confirming enrolment when it is
 * pending). A correct code replaces the session with a fresh, fully signed-in
 * one (a new token: no session fixation). A wrong one counts as a failed login.
 */
export async function completeTwoFactor(
  db: Db,
  keyring: Keyring,
  session: LoadedSession,
  code: string,
  client: AuditContext,
  policy: SessionPolicy,
): Promise<{ token: string }> {
  const user = session.user;
  const sealed = user.totpSecretEnc ?? user.totpPendingSecretEnc;
  if (!sealed) throw new AppError('CONFLICT', 'Start two-factor enrolment first', { reason: 'not_enrolled' });
  const step = await verifyTotp(decryptText(keyring, sealed, TOTP_CONTEXT), code, user.totpLastStep ?? null);
  if (step === null) {
    await registerFailure(db, user.id);
    await recordAuditStandalone(db, client, { action: 'auth.twoFactorFailed', outcome: 'failure' });
    throw new AppError('TWO_FACTOR_INVALID', 'The code is wrong or expired');
  }
  const enrolling = !user.totpSecretEnc;
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpLastStep: step,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: new Date(),
        ...(enrolling ? { totpSecretEnc: sealed, totpPendingSecretEnc: null } : {}),
      })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.id, session.id));
    const { token } = await createSession(tx, user.id, true, policy, client);
    await recordAudit(tx, client, { action: enrolling ? 'auth.twoFactorEnrolled' : 'auth.twoFactorVerified' });
    return { token };
  });
}
