import type { Action } from '@shared/actions.js';

/**
 * What a route requires, declared on every route (`config.access`). A route
 * without one is refused when the app is built: deny by default.
 * - `public`: anyone, no session (login, the public report form, health).
 * - `twoFactorPending`: a session whose password was right but 2FA is not done.
 * - `session`: any fully signed-in user (their own profile).
 * - `{ action }`: a signed-in user whose roles grant the action.
 */
export type RouteAccess = 'public' | 'twoFactorPending' | 'session' | { action: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** A human-readable form of an access declaration (route listings, tests). */
export function describeAccess(access: RouteAccess): string {
  return typeof access === 'string' ? access : access.action;
}
