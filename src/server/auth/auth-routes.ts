import type { FastifyReply, FastifyRequest } from 'fastify';
import { authApi } from '@shared/api/auth.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import type { RouteServices, Router } from '../http/route.js';
import { activateAccount } from './activation.js';
import { logIn } from './login.js';
import { CSRF_HEADER, deleteSession, deleteUserSessions, SESSION_COOKIE } from './sessions.js';
import { completeTwoFactor, startEnrolment } from './two-factor.js';

/**
 * Sets the session cookie (httpOnly, SameSite=Strict, Secure over HTTPS) and hands out the new
 * session's CSRF token, which its next state-changing request (the code, a logout) must send back.
 */
function startSession(services: RouteServices, request: FastifyRequest, reply: FastifyReply, session: { token: string; csrfToken?: string }): void {
  if (session.csrfToken) void reply.header(CSRF_HEADER, session.csrfToken);
  const secure = services.config.secureCookies === 'always' || (services.config.secureCookies === 'auto' && request.protocol === 'https');
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: Math.floor(services.sessionPolicy.maxMs / 1000),
  });
}

/**
 * Sign-in, activation, two-factor, sign-out. Sign-in and activation run in steps: the
 * password hash (a fraction of a second of CPU) must not hold a transaction open, and a
 * refused attempt is on the record, and counted for the lockout, though the request fails.
 */
export function authRoutes(router: Router): void {
  router.route(authApi.login, {
    access: 'public',
    audit: 'in-command',
    steps: true,
    // Per address, generous enough for an office behind one NAT; guessing one
    // account's password is stopped by the per-account lockout instead.
    rateLimit: { max: 60, timeWindow: '1 minute' },
    handler: async ({ transaction, session, who, body, services, request, reply }) => {
      if (session) await transaction((tx) => deleteSession(tx, session.id));
      const loggedIn = await logIn(transaction, body, who, services.sessionPolicy);
      startSession(services, request, reply, loggedIn);
      return { twoFactor: loggedIn.next };
    },
  });

  router.route(authApi.activate, {
    access: 'public',
    audit: 'in-command',
    steps: true,
    // Per address. A code carries ~99 bits, so the limit is against load, not guessing.
    rateLimit: { max: 30, timeWindow: '1 minute' },
    handler: async ({ transaction, session, who, body, services, request, reply }) => {
      if (session) await transaction((tx) => deleteSession(tx, session.id));
      const { token, next } = await activateAccount(transaction, services.keyring, body, who, services.sessionPolicy);
      startSession(services, request, reply, { token });
      return { twoFactor: next };
    },
  });

  router.route(authApi.enrol, {
    access: 'twoFactorPending',
    audit: 'in-command',
    steps: true,
    handler: async ({ transaction, session, who, services }) => {
      if (session!.twoFactorPassed && session!.user.totpSecretEnc) throw new AppError('CONFLICT', 'Already verified', { reason: 'two_factor_enrolled' });
      return startEnrolment(transaction, services.keyring, session!, who);
    },
  });

  router.route(authApi.verifyCode, {
    access: 'twoFactorPending',
    audit: 'in-command',
    steps: true,
    // Per session: codes are guessed against one sign-in, not one address.
    rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.cookies[SESSION_COOKIE] ?? request.ip },
    handler: async ({ transaction, session, who, body, services, request, reply }) => {
      const verified = await completeTwoFactor(transaction, services.keyring, session!, body.code, who, services.sessionPolicy);
      startSession(services, request, reply, verified);
      return { ok: true as const };
    },
  });

  router.route(authApi.logout, {
    access: 'twoFactorPending',
    audit: 'in-command',
    handler: async ({ tx, session, who, reply }) => {
      await deleteSession(tx, session!.id);
      await recordAudit(tx, who, { action: 'auth.logout' });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  router.route(authApi.logoutAll, {
    access: 'session',
    audit: 'in-command',
    handler: async ({ tx, actor, who, reply }) => {
      const ended = await deleteUserSessions(tx, actor.userId);
      await recordAudit(tx, who, { action: 'auth.logoutAll', details: { sessionsEnded: ended } });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
}
