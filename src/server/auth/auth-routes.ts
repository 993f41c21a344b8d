import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { enrolmentResponse, loginBody, loginResponse, twoFactorBody } from '@shared/api/auth.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { AppError } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { logIn } from './login.js';
import { CSRF_HEADER, deleteSession, deleteUserSessions, SESSION_COOKIE } from './sessions.js';
import { completeTwoFactor, startEnrolment } from './two-factor.js';

const ok = z.object({ ok: z.literal(true) });

/**
 * Sets the session cookie (httpOnly, SameSite=Strict, Secure over HTTPS) and hands out the new
 * session's CSRF token, which its next state-changing request (the code, a logout) must send back.
 */
export function startSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, session: { token: string; csrfToken: string }): void {
  void reply.header(CSRF_HEADER, session.csrfToken);
  const secure = ctx.config.secureCookies === 'always' || (ctx.config.secureCookies === 'auto' && request.protocol === 'https');
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: Math.floor(ctx.sessionPolicy.maxMs / 1000),
  });
}

/** Login, two-factor, logout. */
export async function authRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.post('/api/auth/login', {
    // Per address, generous enough for an office behind one NAT; guessing one
    // account's password is stopped by the per-account lockout instead.
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse } },
    handler: async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.id);
      const loggedIn = await logIn(db, request.body, auditContextOf(request), ctx.sessionPolicy);
      startSession(ctx, request, reply, loggedIn);
      return { twoFactor: loggedIn.next };
    },
  });

  app.get('/api/auth/2fa/enrol', {
    config: { access: 'twoFactorPending' },
    schema: { tags: ['auth'], response: { 200: enrolmentResponse } },
    handler: async (request) => {
      const session = request.session!;
      if (session.twoFactorPassed && session.user.totpSecretEnc) throw new AppError('CONFLICT', 'Already verified', { reason: 'already_enrolled' });
      return startEnrolment(db, ctx.keyring, session, auditContextOf(request));
    },
  });

  app.post('/api/auth/2fa', {
    // Per session: codes are guessed against one sign-in, not one address.
    config: { access: 'twoFactorPending', rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.cookies[SESSION_COOKIE] ?? request.ip } },
    schema: { tags: ['auth'], body: twoFactorBody, response: { 200: ok } },
    handler: async (request, reply) => {
      const verified = await completeTwoFactor(db, ctx.keyring, request.session!, request.body.code, auditContextOf(request), ctx.sessionPolicy);
      startSession(ctx, request, reply, verified);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'twoFactorPending' },
    schema: { tags: ['auth'], response: { 200: ok } },
    handler: async (request, reply) => {
      await db.transaction(async (tx) => {
        await deleteSession(tx, request.session!.id);
        await recordAudit(tx, auditContextOf(request), { action: 'auth.logout' });
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.post('/api/auth/logout-all', {
    config: { access: 'session' },
    schema: { tags: ['auth'], response: { 200: ok } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        const ended = await deleteUserSessions(tx, actor.userId);
        await recordAudit(tx, auditContextOf(request), { action: 'auth.logoutAll', details: { sessionsEnded: ended } });
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
}
