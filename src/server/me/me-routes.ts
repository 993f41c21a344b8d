import { and, eq, ne } from 'drizzle-orm';
import { authApi } from '@shared/api/auth.js';
import type { AgencyType } from '@shared/agencies.js';
import { definedFields } from '@shared/defined-fields.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../auth/passwords.js';
import { agencies, sessions, users } from '../db/schema/index.js';
import { AppError } from '../http/app-error.js';
import type { Router } from '../http/route.js';
import { permissionsOf } from '../policies/authorize.js';

/** The signed-in user's own profile, and the public configuration the login page needs. */
export function meRoutes(router: Router): void {
  router.route(authApi.publicConfig, {
    access: 'public',
    audit: 'no-content',
    steps: true,
    handler: async ({ services }) => ({
      demo: services.config.demo,
      defaultLocale: services.config.defaultLocale,
      countriesWithheld: services.config.countriesWithheld,
      publicReportRetentionDays: services.config.publicReportRetentionDays,
    }),
  });

  router.route(authApi.me, {
    access: 'session',
    audit: 'no-content',
    handler: async ({ tx, session }) => {
      const { user, csrfToken } = session!;
      const [agency] = await tx.select().from(agencies).where(eq(agencies.id, user.agencyId));
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          locale: user.locale as Locale,
          roles: user.roles as Role[],
          twoFactorEnabled: Boolean(user.totpSecretEnc),
          agency: { id: agency!.id, name: agency!.name, type: agency!.type as AgencyType },
        },
        permissions: permissionsOf({ roles: user.roles as Role[] }),
        csrfToken,
      };
    },
  });

  router.route(authApi.updateProfile, {
    access: 'session',
    audit: 'in-command',
    handler: async ({ tx, actor, who, body }) => {
      const changes = definedFields(body);
      await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, actor.userId));
      await recordAudit(tx, who, { action: 'profile.updated', resourceType: 'user', resourceId: actor.userId, changedFields: Object.keys(changes) });
      return { ok: true as const };
    },
  });

  // Steps: the password hashes take a fraction of a second of CPU, which must not hold a transaction open.
  router.route(authApi.changePassword, {
    access: 'session',
    audit: 'in-command',
    steps: true,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ transaction, session, who, body }) => {
      const { user, id: sessionId } = session!;
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', 'The current password is wrong', { issues: [{ field: 'currentPassword', reason: 'incorrect' }] });
      }
      const weakness = passwordWeakness(body.newPassword, user.username);
      if (weakness) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password', { reason: weakness, issues: [{ field: 'newPassword', reason: weakness }] });
      const passwordHash = await hashPassword(body.newPassword);
      await transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
        // Other sessions may be an attacker's: a password change ends them.
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
        await recordAudit(tx, who, { action: 'auth.passwordChanged', resourceType: 'user', resourceId: user.id, changedFields: ['password'] });
      });
      return { ok: true as const };
    },
  });
}
