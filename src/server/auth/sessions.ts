import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { sessions, users } from '../db/schema/index.js';

export const SESSION_COOKIE = 'sanad_session';
/**
 * The header a session's CSRF token travels in, both ways: the server hands it out on the answers
 * of the routes a session may reach (sign-in and 2FA included, so a half-signed-in session has it
 * too), and every state-changing request must send it back.
 */
export const CSRF_HEADER = 'x-csrf-token';

// Writing last_seen_at on every request would turn reads into writes; a minute's
// precision is plenty for an idle timeout counted in tens of minutes.
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

/** A session row joined with the user it belongs to. */
export interface LoadedSession {
  id: string;
  csrfToken: string;
  twoFactorPassed: boolean;
  lastSeenAt: Date;
  user: typeof users.$inferSelect;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  tx: Tx | Db,
  userId: string,
  twoFactorPassed: boolean,
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    twoFactorPassed,
    expiresAt: new Date(Date.now() + policy.maxMs),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** The live session for a cookie token, or null when unknown, idle too long, expired or the user is disabled. */
export async function loadSession(db: Db, token: string, policy: SessionPolicy): Promise<LoadedSession | null> {
  const id = hashToken(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const idleFor = Date.now() - row.session.lastSeenAt.getTime();
  if (idleFor > policy.idleMs || row.user.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  return {
    id,
    csrfToken: row.session.csrfToken,
    twoFactorPassed: row.session.twoFactorPassed,
    lastSeenAt: row.session.lastSeenAt,
    user: row.user,
  };
}

/** Ends one session. */
export async function deleteSession(tx: Tx | Db, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user ("log out everywhere", password change, disable, 2FA reset). */
export async function deleteUserSessions(tx: Tx | Db, userId: string): Promise<number> {
  const deleted = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return deleted.length;
}
