import type { FastifyRequest } from 'fastify';
import type { Role } from '@shared/roles.js';
import type { LoadedSession } from '../auth/sessions.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { Actor } from '../policies/authorize.js';
import { AppError } from './app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the request, when there is one (set by the authentication hook). */
    session: LoadedSession | null;
  }
}

/** The signed-in actor; throws UNAUTHENTICATED when the route was reached without one. */
export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED');
  return {
    userId: session.user.id,
    username: session.user.username,
    agencyId: session.user.agencyId,
    roles: session.user.roles as Role[],
    locale: session.user.locale,
  };
}

/** The audit context (who, from where) of a request. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const user = request.session?.user;
  return {
    actorUserId: user?.id ?? null,
    actorUsername: user?.username ?? null,
    actorAgencyId: user?.agencyId ?? null,
    actorRole: user ? user.roles.join(',') : null,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
}
