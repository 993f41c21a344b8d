import { and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createUserBody, updateUserBody, userListQuery, userSummary, userWithActivationCode, type UserSummary, type UserWithActivationCode } from '@shared/api/admin.js';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { agencies, users } from '../../db/schema/index.js';
import type { Db } from '../../db/database.js';
import type { ZodApp } from '../../http/app.js';
import type { AppContext } from '../../http/app-context.js';
import { notFound } from '../../http/app-error.js';
import { actorOf, auditContextOf } from '../../http/request-context.js';
import { createUser, reissueActivation, resetTwoFactor, updateUser, type AdminContext, type IssuedActivation } from './user-commands.js';
import { loadUserSummary, presentUsers, summaryColumns } from './user-presenter.js';

const idParams = z.object({ id: z.string().uuid() });

/** The audit context of a signed-in administrator (the two-person rule needs their user id). */
export function adminContextOf(request: FastifyRequest): AdminContext {
  return { ...auditContextOf(request), actorUserId: actorOf(request).userId };
}

/** A user's summary for the administrator making the request; 404 when it does not exist. */
export async function summaryFor(db: Db, request: FastifyRequest, id: string): Promise<UserSummary> {
  const summary = await loadUserSummary(db, id, actorOf(request).userId);
  if (!summary) throw notFound('User');
  return summary;
}

function withCode(summary: UserSummary, activation: IssuedActivation): UserWithActivationCode {
  return { ...summary, activationCode: activation.code, activationExpiresAt: activation.expiresAt.toISOString() };
}

/** User administration (administrators only; never any case content). */
export async function userRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/users', {
    config: { access: { action: 'user.list' } },
    schema: { tags: ['admin'], querystring: pageQuery.extend(userListQuery.shape), response: { 200: pageOf(userSummary) } },
    handler: async (request) => {
      const { page, pageSize, q, agencyId } = request.query;
      const filters: SQL[] = [];
      if (q) filters.push(or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`))!);
      if (agencyId) filters.push(eq(users.agencyId, agencyId));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, total] = await Promise.all([
        db
          .select(summaryColumns)
          .from(users)
          .innerJoin(agencies, eq(agencies.id, users.agencyId))
          .where(where)
          .orderBy(users.username)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { items: await presentUsers(db, rows, actorOf(request).userId), total: total[0]!.n };
    },
  });

  // No password is sent or set: the answer carries a one-time activation code for the person.
  app.post('/api/users', {
    config: { access: { action: 'user.create' } },
    schema: { tags: ['admin'], body: createUserBody, response: { 201: userWithActivationCode } },
    handler: async (request, reply) => {
      const { id, activation } = await db.transaction((tx) => createUser(tx, ctx.keyring, adminContextOf(request), request.body));
      return reply.status(201).send(withCode(await summaryFor(db, request, id), activation));
    },
  });

  app.patch('/api/users/:id', {
    config: { access: { action: 'user.update' } },
    schema: { tags: ['admin'], params: idParams, body: updateUserBody, response: { 200: userSummary } },
    handler: async (request) => {
      await db.transaction((tx) => updateUser(tx, adminContextOf(request), request.params.id, request.body));
      return summaryFor(db, request, request.params.id);
    },
  });

  // Sanad's "reset password": a new activation code; the old password stops working.
  app.post('/api/users/:id/activation', {
    config: { access: { action: 'user.update' } },
    schema: { tags: ['admin'], params: idParams, response: { 200: userWithActivationCode } },
    handler: async (request) => {
      const activation = await db.transaction((tx) => reissueActivation(tx, ctx.keyring, adminContextOf(request), request.params.id));
      return withCode(await summaryFor(db, request, request.params.id), activation);
    },
  });

  app.post('/api/users/:id/reset-2fa', {
    config: { access: { action: 'user.reset2fa' } },
    schema: { tags: ['admin'], params: idParams, response: { 200: userSummary } },
    handler: async (request) => {
      await db.transaction((tx) => resetTwoFactor(tx, adminContextOf(request), request.params.id));
      return summaryFor(db, request, request.params.id);
    },
  });
}
