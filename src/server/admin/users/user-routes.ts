import { and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { adminApi, type UserSummary, type UserWithActivationCode } from '@shared/api/admin.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { inOrder } from '../../db/in-order.js';
import type { Tx } from '../../db/database.js';
import { agencies, users } from '../../db/schema/index.js';
import { notFound } from '../../http/app-error.js';
import type { Router } from '../../http/route.js';
import type { Actor } from '../../policies/authorize.js';
import { createUser, reissueActivation, resetTwoFactor, updateUser, type AdminContext, type IssuedActivation } from './user-commands.js';
import { loadUserSummary, presentUsers, summaryColumns } from './user-presenter.js';

/** The audit context of a signed-in administrator (the two-person rule needs their user id). */
export function adminContext(who: AuditContext, actor: Actor): AdminContext {
  return { ...who, actorUserId: actor.userId };
}

/** A user's summary for the administrator `viewerId`; 404 when it does not exist. */
export async function summaryFor(tx: Tx, viewerId: string, id: string): Promise<UserSummary> {
  const summary = await loadUserSummary(tx, id, viewerId);
  if (!summary) throw notFound('User');
  return summary;
}

function withCode(summary: UserSummary, activation: IssuedActivation): UserWithActivationCode {
  return { ...summary, activationCode: activation.code, activationExpiresAt: activation.expiresAt.toISOString() };
}

/** User administration (administrators only; never any case content). */
export function userRoutes(router: Router): void {
  router.route(adminApi.listUsers, {
    access: { action: 'user.list' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => {
      const { page, pageSize, q, agencyId } = query;
      const filters: SQL[] = [];
      if (q) filters.push(or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`))!);
      if (agencyId) filters.push(eq(users.agencyId, agencyId));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, total] = await inOrder([
        tx.select(summaryColumns).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(where).orderBy(users.username).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(users).where(where),
      ]);
      return { items: await presentUsers(tx, rows, actor.userId), total: total[0]!.n };
    },
  });

  // No password is sent or set: the answer carries a one-time activation code for the person.
  router.route(adminApi.createUser, {
    access: { action: 'user.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body, services }) => {
      const { id, activation } = await createUser(tx, services.keyring, adminContext(who, actor), body);
      return withCode(await summaryFor(tx, actor.userId, id), activation);
    },
  });

  router.route(adminApi.updateUser, {
    access: { action: 'user.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      await updateUser(tx, adminContext(who, actor), params.id, body);
      return summaryFor(tx, actor.userId, params.id);
    },
  });

  // Sanad's "reset password": a new activation code; the old password stops working.
  router.route(adminApi.reissueActivation, {
    access: { action: 'user.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, services }) => {
      const activation = await reissueActivation(tx, services.keyring, adminContext(who, actor), params.id);
      return withCode(await summaryFor(tx, actor.userId, params.id), activation);
    },
  });

  router.route(adminApi.resetTwoFactor, {
    access: { action: 'user.reset2fa' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params }) => {
      await resetTwoFactor(tx, adminContext(who, actor), params.id);
      return summaryFor(tx, actor.userId, params.id);
    },
  });
}
