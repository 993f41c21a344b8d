import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IDENTITY_ACTIONS } from '@shared/actions.js';
import type { Role } from '@shared/roles.js';
import { CSRF_HEADER, loadSession, SESSION_COOKIE } from '../auth/sessions.js';
import { recordAuditStandalone } from '../audit/record-audit.js';
import { can } from '../policies/authorize.js';
import type { AppContext } from './app-context.js';
import { AppError } from './app-error.js';
import { auditContextOf } from './request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A session is complete once 2FA passed, or when the user's roles do not require it and none is enrolled. */
function isComplete(request: FastifyRequest): boolean {
  return Boolean(request.session?.twoFactorPassed);
}

/**
 * The gate every request passes before its body is even validated:
 * load the session, then apply the route's declared access (deny by default),
 * the 2FA requirement and the CSRF check. The CSRF check has no exemption but
 * public routes (no session to forge a request with): a half-signed-in session
 * learns its token from the sign-in answer, or from the header every answer to
 * it carries, so its code and its logout are checked like any other change.
 */
export function installAccessEnforcement(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await loadSession(ctx.database.db, token, ctx.sessionPolicy) : null;
    // Routes with no declaration (the 404 handler) carry on to their own answer.
    if (!access || access === 'public') return;

    const session = request.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    // Only on API answers, which are never cached (no-store), and before any refusal, so a page
    // reloaded halfway through sign-in gets the token back from its first call.
    void reply.header(CSRF_HEADER, session.csrfToken);
    if (access !== 'twoFactorPending' && !isComplete(request)) {
      throw new AppError('TWO_FACTOR_REQUIRED', 'Complete two-factor authentication first');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header');
      }
    }
    if (typeof access === 'object') {
      const roles = session.user.roles as Role[];
      if (!can({ roles }, access.action)) {
        await recordAuditStandalone(ctx.database.db, auditContextOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          details: { permission: access.action, method: request.method, route: request.routeOptions.url ?? '' },
        });
        throw new AppError('FORBIDDEN', 'Your role does not allow this');
      }
      // Defence in depth: identity-bearing work needs a 2FA-verified session,
      // even if a role were ever granted it without mandatory 2FA.
      if (IDENTITY_ACTIONS.includes(access.action) && !(session.twoFactorPassed && session.user.totpSecretEnc)) {
        throw new AppError('TWO_FACTOR_REQUIRED', 'Identity data needs two-factor authentication');
      }
    }
  });
}
