import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { changePasswordBody, meResponse, publicConfigResponse, updateProfileBody } from '@shared/api/auth.js';
import type { AgencyType } from '@shared/agencies.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import { agencies, sessions, users } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { AppError } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { permissionsOf } from '../policies/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../auth/passwords.js';
import { and, ne } from 'drizzle-orm';
import { definedFields } from '@shared/defined-fields.js';

/** The signed-in user's own profile, and the public configuration the login page needs. */
export async function meRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/config/public', {
    config: { access: 'public' },
    schema: { tags: ['me'], response: { 200: publicConfigResponse } },
    handler: async () => ({ demo: ctx.config.demo, defaultLocale: ctx.config.defaultLocale }),
  });

  app.get('/api/me', {
    config: { access: 'session' },
    schema: { tags: ['me'], response: { 200: meResponse } },
    handler: async (request) => {
      const session = request.session!;
      const user = session.user;
      const agency = (await db.select().from(agencies).where(eq(agencies.id, user.agencyId)))[0]!;
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          locale: user.locale as Locale,
          roles: user.roles as Role[],
          twoFactorEnabled: Boolean(user.totpSecretEnc),
          agency: { id: agency.id, name: agency.name, type: agency.type as AgencyType },
        },
        permissions: permissionsOf({ roles: user.roles as Role[] }),
        csrfToken: session.csrfToken,
      };
    },
  });

  app.patch('/api/me', {
    config: { access: 'session' },
    schema: { tags: ['me'], body: updateProfileBody, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const changes = definedFields(request.body);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, actor.userId));
        await recordAudit(tx, auditContextOf(request), {
          action: 'profile.updated',
          resourceType: 'user',
          resourceId: actor.userId,
          changedFields: Object.keys(changes),
        });
      });
      return { ok: true as const };
    },
  });

  app.post('/api/me/password', {
    config: { access: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['me'], body: changePasswordBody, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      const session = request.session!;
      const user = session.user;
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', 'The current password is wrong', {
          issues: [{ field: 'currentPassword', reason: 'incorrect' }],
        });
      }
      const weakness = passwordWeakness(request.body.newPassword, user.username);
      if (weakness) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password', { reason: weakness, issues: [{ field: 'newPassword', reason: weakness }] });
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
        // Other sessions may be an attacker's: a password change ends them.
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, session.id)));
        await recordAudit(tx, auditContextOf(request), { action: 'auth.passwordChanged', resourceType: 'user', resourceId: user.id, changedFields: ['password'] });
      });
      return { ok: true as const };
    },
  });
}
