import { count, eq, getTableColumns, sql } from 'drizzle-orm';
import { adminApi, type Agency } from '@shared/api/admin.js';
import type { AgencyType } from '@shared/agencies.js';
import { agencies } from '../../db/schema/index.js';
import { inOrder } from '../../db/in-order.js';
import { notFound } from '../../http/app-error.js';
import type { Router } from '../../http/route.js';
import { recordAudit } from '../../audit/record-audit.js';
import { definedFields } from '@shared/defined-fields.js';

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
export function agencyRoutes(router: Router): void {
  router.route(adminApi.listAgencies, {
    access: { action: 'agency.list' },
    audit: 'no-content',
    handler: async ({ tx, query }) => {
      const { page, pageSize } = query;
      const [rows, total] = await inOrder([
        tx.select({ ...getTableColumns(agencies), userCount }).from(agencies).orderBy(agencies.name).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(agencies),
      ]);
      return { items: rows.map(presentAgency), total: total[0]!.n };
    },
  });

  router.route(adminApi.createAgency, {
    access: { action: 'agency.create' },
    audit: 'in-command',
    handler: async ({ tx, who, body }) => {
      const [row] = await tx.insert(agencies).values({ ...body, region: body.region ?? null }).returning();
      await recordAudit(tx, who, { action: 'agency.created', resourceType: 'agency', resourceId: row!.id, changedFields: Object.keys(body) });
      return presentAgency({ ...row!, userCount: 0 });
    },
  });

  router.route(adminApi.updateAgency, {
    access: { action: 'agency.update' },
    audit: 'in-command',
    handler: async ({ tx, who, params, body }) => {
      const changes = definedFields(body);
      const [row] = await tx.update(agencies).set({ ...changes, updatedAt: new Date() }).where(eq(agencies.id, params.id)).returning();
      if (!row) throw notFound('Agency');
      await recordAudit(tx, who, { action: 'agency.updated', resourceType: 'agency', resourceId: row.id, changedFields: Object.keys(changes) });
      const [withCount] = await tx.select({ ...getTableColumns(agencies), userCount }).from(agencies).where(eq(agencies.id, row.id));
      return presentAgency(withCount!);
    },
  });
}
