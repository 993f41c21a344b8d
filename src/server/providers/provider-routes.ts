import { and, count, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { definedFields } from '@shared/defined-fields.js';
import {
  capacityBody,
  provider,
  providerBody,
  providerListQuery,
  providerMatchList,
  providerMatchQuery,
  providerPatch,
  SERVICE_TYPES,
  serviceTypeList,
} from '@shared/api/providers.js';
import { agencies, providerServices, serviceProviders } from '../db/schema/index.js';
import type { Db } from '../db/database.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { AppError, notFound } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import type { Actor } from '../policies/authorize.js';
import { scopeCondition } from '../policies/scopes.js';
import { createProvider, updateProvider, updateShelterCapacity } from './provider-commands.js';
import { criteriaFromCase } from './case-criteria.js';
import { matchProviders } from './provider-matching.js';
import { loadProvider, presentProvider, selectProviders, textArray, visibleTo } from './provider-queries.js';

const idParams = z.object({ id: z.string().uuid() });
type ListQuery = z.output<typeof providerListQuery>;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The directory filters as one SQL condition (all filtering happens in the database). */
function directoryFilter(db: Db, actor: Actor, query: ListQuery): SQL {
  const filters: SQL[] = [visibleTo(actor)];
  if (query.service) {
    const offering = db
      .select({ one: sql`1` })
      .from(providerServices)
      .where(and(eq(providerServices.providerId, serviceProviders.id), eq(providerServices.serviceType, query.service)));
    filters.push(exists(offering));
  }
  // A provider with national coverage serves every region.
  if (query.region) filters.push(sql`(${serviceProviders.regions} @> ${textArray([query.region])} OR ${serviceProviders.servesNationally})`);
  if (query.targetGroup) filters.push(sql`${serviceProviders.targetGroups} @> ${textArray([query.targetGroup])}`);
  if (query.language) filters.push(sql`${serviceProviders.languages} @> ${textArray([query.language])}`);
  if (query.agencyId) filters.push(eq(serviceProviders.agencyId, query.agencyId));
  if (query.active) filters.push(eq(serviceProviders.active, query.active === 'true'));
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(
      sql`(unaccent(${serviceProviders.name}) ILIKE unaccent(${pattern}) OR unaccent(coalesce(${serviceProviders.city}, '')) ILIKE unaccent(${pattern})
        OR unaccent(${agencies.name}) ILIKE unaccent(${pattern}) OR unaccent(${serviceProviders.description}) ILIKE unaccent(${pattern}))`,
    );
  }
  return and(...filters)!;
}

/** The service directory: look-up for every operational role, upkeep by administrators, beds by the shelter. */
export async function providerRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/providers', {
    config: { access: { action: 'provider.list' } },
    schema: { tags: ['providers'], querystring: pageQuery.extend(providerListQuery.shape), response: { 200: pageOf(provider) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize } = request.query;
      const where = directoryFilter(db, actor, request.query);
      const [rows, total] = await Promise.all([
        selectProviders(db)
          .where(where)
          .orderBy(serviceProviders.name, serviceProviders.id)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(serviceProviders).innerJoin(agencies, eq(agencies.id, serviceProviders.agencyId)).where(where),
      ]);
      return { items: rows.map((row) => presentProvider(row, actor)), total: total[0]!.n };
    },
  });

  app.get('/api/providers/match', {
    config: { access: { action: 'provider.match' } },
    schema: { tags: ['providers'], querystring: pageQuery.extend(providerMatchQuery.shape), response: { 200: providerMatchList } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, caseId, ...asked } = request.query;
      // What the caller asked for wins over what the case says.
      const fromCase = caseId ? await criteriaFromCase(db, actor, caseId) : {};
      const criteria = { ...fromCase, ...definedFields(asked), service: asked.service };
      const result = await matchProviders(db, actor, criteria, { page, pageSize });
      return {
        ...result,
        criteria: { service: criteria.service, region: criteria.region ?? null, targetGroup: criteria.targetGroup ?? null, language: criteria.language ?? null },
      };
    },
  });

  app.get('/api/providers/:id', {
    config: { access: { action: 'provider.read' } },
    schema: { tags: ['providers'], params: idParams, response: { 200: provider } },
    handler: async (request) => loadProvider(db, actorOf(request), request.params.id),
  });

  app.post('/api/providers', {
    config: { access: { action: 'provider.create' } },
    schema: { tags: ['providers'], body: providerBody, response: { 201: provider } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.transaction(async (tx) => {
        const id = await createProvider(tx, auditContextOf(request), request.body);
        return loadProvider(tx, actor, id);
      });
      return reply.status(201).send(created);
    },
  });

  app.patch('/api/providers/:id', {
    config: { access: { action: 'provider.update' } },
    schema: { tags: ['providers'], params: idParams, body: providerPatch, response: { 200: provider } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await updateProvider(tx, auditContextOf(request), request.params.id, request.body);
        return loadProvider(tx, actor, request.params.id);
      });
    },
  });

  app.put('/api/providers/:id/capacity', {
    config: { access: { action: 'provider.updateCapacity' } },
    schema: { tags: ['providers'], params: idParams, body: capacityBody, response: { 200: provider } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        // Another agency's shelter is simply not there for this caller.
        const scope = scopeCondition(actor, 'provider.updateCapacity', { ownerAgencyId: serviceProviders.agencyId, createdBy: serviceProviders.createdBy });
        const [row] = await selectProviders(tx).where(and(eq(serviceProviders.id, request.params.id), scope));
        if (!row) throw notFound('Provider');
        if (!row.services.includes('shelter')) {
          throw new AppError('VALIDATION_FAILED', 'Only a shelter reports beds', { issues: [{ field: 'services', reason: 'not_a_shelter' }] });
        }
        await updateShelterCapacity(tx, auditContextOf(request), row.provider.id, request.body);
        return loadProvider(tx, actor, row.provider.id);
      });
    },
  });

  app.get('/api/services', {
    config: { access: { action: 'provider.list' } },
    schema: { tags: ['providers'], response: { 200: serviceTypeList } },
    handler: async () => {
      const counts = await db
        .select({ code: providerServices.serviceType, n: count() })
        .from(providerServices)
        .innerJoin(serviceProviders, eq(serviceProviders.id, providerServices.providerId))
        .where(and(eq(serviceProviders.active, true), inArray(providerServices.serviceType, [...SERVICE_TYPES])))
        .groupBy(providerServices.serviceType);
      const byCode = new Map(counts.map((c) => [c.code, c.n]));
      return { items: SERVICE_TYPES.map((code) => ({ code, activeProviders: byCode.get(code) ?? 0 })) };
    },
  });
}
