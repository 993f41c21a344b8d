import { activateBody } from '@shared/api/activation.js';
import { loginResponse } from '@shared/api/auth.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { auditContextOf } from '../http/request-context.js';
import { activateAccount } from './activation.js';
import { deleteSession, SESSION_COOKIE } from './sessions.js';

/** First sign-in with an activation code. */
export async function activationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.post('/api/auth/activate', {
    // Per address. A code carries ~99 bits, so the limit is against load, not guessing.
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: activateBody, response: { 200: loginResponse } },
    handler: async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.id);
      const { token, next } = await activateAccount(db, ctx.keyring, request.body, auditContextOf(request), ctx.sessionPolicy);
      // The same cookie as a sign-in (auth-routes.ts): httpOnly, SameSite=Strict, Secure over HTTPS.
      const secure = ctx.config.secureCookies === 'always' || (ctx.config.secureCookies === 'auto' && request.protocol === 'https');
      void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: Math.floor(ctx.sessionPolicy.maxMs / 1000) });
      return { twoFactor: next };
    },
  });
}
