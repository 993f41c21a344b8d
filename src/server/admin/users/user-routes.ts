import { and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { createUserBody, updateUserBody, userListQuery, userSummary, type UserSummary } from '@shared/api/admin.js';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import { agencies, users } from '../../db/schema/index.js';
import type { ZodApp } from '../../http/app.js';
import type { AppContext } from '../../http/app-context.js';
import { notFound } from '../../http/app-error.js';
import { auditContextOf } from '../../http/request-context.js';
import { createUser, resetTwoFactor, updateUser } from './user-commands.js';

const idParams = z.object({ id: z.string().uuid() });
const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  roles: users.roles,
  locale: users.locale,
  disabled: users.disabled,
  totpSecretEnc: users.totpSecretEnc,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] | (K extends 'totpSecretEnc' | 'lastLoginAt' ? null : never) };

function presentUser(row: SummaryRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    roles: row.roles as Role[],
    locale: row.locale as Locale,
    disabled: row.disabled,
    twoFactorEnabled: row.totpSecretEnc !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** User administration (administrators only; never any case content). */
export async function userRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  async function loadSummary(id: string): Promise<UserSummary> {
    const [row] = await db.select(summaryColumns).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id));
    if (!row) throw notFound('User');
    return presentUser(row);
  }

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
      return { items: rows.map(presentUser), total: total[0]!.n };
    },
  });

  app.post('/api/users', {
    config: { access: { action: 'user.create' } },
    schema: { tags: ['admin'], body: createUserBody, response: { 201: userSummary } },
    handler: async (request, reply) => {
      const id = await db.transaction((tx) => createUser(tx, auditContextOf(request), request.body));
      return reply.status(201).send(await loadSummary(id));
    },
  });

  app.patch('/api/users/:id', {
    config: { access: { action: 'user.update' } },
    schema: { tags: ['admin'], params: idParams, body: updateUserBody, response: { 200: userSummary } },
    handler: async (request) => {
      await db.transaction((tx) => updateUser(tx, auditContextOf(request), request.params.id, request.body));
      return loadSummary(request.params.id);
    },
  });

  app.post('/api/users/:id/reset-2fa', {
    config: { access: { action: 'user.reset2fa' } },
    schema: { tags: ['admin'], params: idParams, response: { 200: userSummary } },
    handler: async (request) => {
      await db.transaction((tx) => resetTwoFactor(tx, auditContextOf(request), request.params.id));
      return loadSummary(request.params.id);
    },
  });
}
