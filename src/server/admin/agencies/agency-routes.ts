import { count, eq, sql } from 'drizzle-orm';
import { adminApi, type Agency } from '@shared/api/admin.js';
import type { AgencyType } from '@shared/agencies.js';
import { definedFields } from '@shared/defined-fields.js';
import { agencies } from '../../db/schema/index.js';
import { inOrder } from '../../db/in-order.js';
import type { Tx } from '../../db/database.js';
import { localizedName, namesAfter, type Reader } from '../../db/localized-name.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Router } from '../../http/route.js';
import { recordAudit } from '../../audit/record-audit.js';

// agencies.id spelled out: drizzle would render ${agencies.id} as a bare "id", which inside
// this subquery means the user's id.
const userCount = sql<number>`(SELECT count(*)::int FROM users u WHERE u.agency_id = agencies.id)`;

/** What an agency answer selects, its name in the reader's language. */
function agencyColumns(reader: Reader) {
  return {
    id: agencies.id,
    name: localizedName(agencies, reader),
    nameAr: agencies.nameAr,
    nameFr: agencies.nameFr,
    nameEn: agencies.nameEn,
    type: agencies.type,
    region: agencies.region,
    disabled: agencies.disabled,
    userCount,
    createdAt: agencies.createdAt,
  };
}

async function loadAgency(tx: Tx, reader: Reader, id: string): Promise<Agency> {
  const [row] = await tx.select(agencyColumns(reader)).from(agencies).where(eq(agencies.id, id));
  if (!row) throw notFound('Agency');
  return { ...row, type: row.type as AgencyType, createdAt: row.createdAt.toISOString() };
}

/** No name in any language would be left: refused on the Arabic field, as the form shows it. */
function nameRequired(): AppError {
  return new AppError('VALIDATION_FAILED', 'Name the agency in at least one language', { issues: [{ field: 'nameAr', reason: 'required' }] });
}

/** Agency administration (administrators only). */
export function agencyRoutes(router: Router): void {
  router.route(adminApi.listAgencies, {
    access: { action: 'agency.list' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => {
      const { page, pageSize } = query;
      const name = localizedName(agencies, actor);
      const [rows, total] = await inOrder([
        tx.select(agencyColumns(actor)).from(agencies).orderBy(name, agencies.id).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(agencies),
      ]);
      return { items: rows.map((row) => ({ ...row, type: row.type as AgencyType, createdAt: row.createdAt.toISOString() })), total: total[0]!.n };
    },
  });

  router.route(adminApi.createAgency, {
    access: { action: 'agency.create' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, body }) => {
      const names = namesAfter({ nameAr: null, nameFr: null, nameEn: null }, body);
      if (!names) throw nameRequired();
      const [row] = await tx.insert(agencies).values({ ...names, type: body.type, region: body.region ?? null }).returning({ id: agencies.id });
      await recordAudit(tx, who, { action: 'agency.created', resourceType: 'agency', resourceId: row!.id, changedFields: Object.keys(body) });
      return loadAgency(tx, actor, row!.id);
    },
  });

  router.route(adminApi.updateAgency, {
    access: { action: 'agency.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body }) => {
      const { nameAr, nameFr, nameEn, ...rest } = definedFields(body);
      const [current] = await tx
        .select({ nameAr: agencies.nameAr, nameFr: agencies.nameFr, nameEn: agencies.nameEn })
        .from(agencies)
        .where(eq(agencies.id, params.id))
        .for('update');
      if (!current) throw notFound('Agency');
      // Names are rewritten (the default one with them) only when one was sent.
      const renamed = [nameAr, nameFr, nameEn].some((name) => name !== undefined);
      const names = renamed ? namesAfter(current, { nameAr, nameFr, nameEn }) : {};
      if (!names) throw nameRequired();
      await tx.update(agencies).set({ ...rest, ...names, updatedAt: new Date() }).where(eq(agencies.id, params.id));
      await recordAudit(tx, who, { action: 'agency.updated', resourceType: 'agency', resourceId: params.id, changedFields: Object.keys(definedFields(body)) });
      return loadAgency(tx, actor, params.id);
    },
  });
}
