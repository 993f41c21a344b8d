import { count, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agency, agencyBody, agencyPatch, type Agency } from '@shared/api/admin.js';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import type { AgencyType } from '@shared/agencies.js';
import { agencies } from '../../db/schema/index.js';
import type { ZodApp } from '../../http/app.js';
import type { AppContext } from '../../http/app-context.js';
import { notFound } from '../../http/app-error.js';
import { auditContextOf } from '../../http/request-context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { definedFields } from '@shared/defined-fields.js';

const idParams = z.object({ id: z.string().uuid() });
// agencies.id spelled out: drizzle would render ${agencies.id} as a bare "id", which inside
// this subquery means the user's id.
const userCount = sql<number>`(SELECT count(*)::int FROM users u WHERE u.agency_id = agencies.id)`;

function presentAgency(row: typeof agencies.$inferSelect & { userCount: number }): Agency {
  return {
    id: row.id,
    name: row.name,
    type: row.type as AgencyType,
    region: row.region,
    disabled: row.disabled,
    userCount: row.userCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Agency administration (administrators only). */
export async function agencyRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/agencies', {
    config: { access: { action: 'agency.list' } },
    schema: { tags: ['admin'], querystring: pageQuery, response: { 200: pageOf(agency) } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        db.select({ ...getTableColumns(agencies), userCount }).from(agencies).orderBy(agencies.name).limit(pageSize).offset((page - 1) * pageSize),
        db.select({ n: count() }).from(agencies),
      ]);
      return { items: rows.map(presentAgency), total: total[0]!.n };
    },
  });

  app.post('/api/agencies', {
    config: { access: { action: 'agency.create' } },
    schema: { tags: ['admin'], body: agencyBody, response: { 201: agency } },
    handler: async (request, reply) => {
      const created = await db.transaction(async (tx) => {
        const [row] = await tx.insert(agencies).values({ ...request.body, region: request.body.region ?? null }).returning();
        await recordAudit(tx, auditContextOf(request), {
          action: 'agency.created',
          resourceType: 'agency',
          resourceId: row!.id,
          changedFields: Object.keys(request.body),
        });
        return row!;
      });
      return reply.status(201).send(presentAgency({ ...created, userCount: 0 }));
    },
  });

  app.patch('/api/agencies/:id', {
    config: { access: { action: 'agency.update' } },
    schema: { tags: ['admin'], params: idParams, body: agencyPatch, response: { 200: agency } },
    handler: async (request) => {
      const changes = definedFields(request.body);
      return db.transaction(async (tx) => {
        const [row] = await tx.update(agencies).set({ ...changes, updatedAt: new Date() }).where(eq(agencies.id, request.params.id)).returning();
        if (!row) throw notFound('Agency');
        await recordAudit(tx, auditContextOf(request), {
          action: 'agency.updated',
          resourceType: 'agency',
          resourceId: row.id,
          changedFields: Object.keys(changes),
        });
        const [withCount] = await tx.select({ ...getTableColumns(agencies), userCount }).from(agencies).where(eq(agencies.id, row.id));
        return presentAgency(withCount!);
      });
    },
  });
}
