import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { accessLogEntry, caseDetail, caseListItem, caseListQuery, createCaseBody, createCaseResponse, updateCaseBody } from '@shared/api/cases.js';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { recordAudit } from '../audit/record-audit.js';
import { agencies, auditEvents, cases, users } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { createCase, updateCase } from './case-commands.js';
import { presentCaseDetail, presentCaseListItems } from './case-presenter.js';
import { caseScope, loadCaseInScope } from './case-scope.js';
import { nameLookupKey } from './person-identity.js';
import { inOrder } from '../db/in-order.js';

export const caseIdParams = z.object({ id: z.string().uuid() });
const CASE_NUMBER = /^SAN-\d{4}-\d{1,9}$/i;
const managers = alias(users, 'case_manager');

/** Victim cases: list, open, read and update (identity decrypted only for cases in scope). */
export async function caseRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/cases', {
    config: { access: { action: 'case.list' } },
    schema: { tags: ['cases'], querystring: pageQuery.extend(caseListQuery.shape), response: { 200: pageOf(caseListItem) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, status, region, q, includeMerged } = request.query;
      const filters: SQL[] = [caseScope(actor, 'case.list')];
      if (status) filters.push(eq(cases.status, status));
      if (region) filters.push(eq(cases.region, region));
      if (includeMerged === 'false') filters.push(isNull(cases.mergedIntoCaseId));
      // Search is an exact blind-index lookup (or a case number): names are never decrypted to filter.
      if (q && CASE_NUMBER.test(q)) filters.push(eq(cases.caseNumber, q.toUpperCase()));
      else if (q) {
        filters.push(sql`EXISTS (SELECT 1 FROM person_index_keys k WHERE k.person_id = ${cases.personId} AND k.kind = 'name' AND k.key = ${nameLookupKey(ctx.keyring, q)})`);
      }
      const where = and(...filters);
      const result = await db.transaction(async (tx) => {
        const [rows, total] = await inOrder([
          tx
            .select({ case: cases, ownerAgencyName: agencies.name, caseManagerName: managers.displayName })
            .from(cases)
            .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
            .leftJoin(managers, eq(managers.id, cases.caseManagerId))
            .where(where)
            .orderBy(desc(cases.openedAt), desc(cases.caseNumber))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          tx.select({ n: count() }).from(cases).where(where),
        ]);
        const items = await presentCaseListItems(tx, ctx.keyring, rows.map((r) => ({ ...r.case, ownerAgencyName: r.ownerAgencyName, caseManagerName: r.caseManagerName })));
        await recordAudit(tx, auditContextOf(request), {
          action: 'case.listed',
          resourceType: 'case',
          details: { page, searched: Boolean(q), filters: [status && 'status', region && 'region'].filter(Boolean), returned: items.length },
        });
        return { items, total: total[0]!.n };
      });
      return result;
    },
  });

  app.post('/api/cases', {
    config: { access: { action: 'case.create' } },
    schema: { tags: ['cases'], body: createCaseBody, response: { 201: createCaseResponse } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const result = await db.transaction(async (tx) => {
        const created = await createCase(tx, ctx, actor, auditContextOf(request), request.body);
        const row = await loadCaseInScope(tx, actor, 'case.read', created.id);
        return { case: await presentCaseDetail(tx, ctx.keyring, actor, row), duplicates: created.duplicates };
      });
      return reply.status(201).send(result);
    },
  });

  app.get('/api/cases/:id', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: caseDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actor, 'case.read', request.params.id);
        const detail = await presentCaseDetail(tx, ctx.keyring, actor, row);
        // Every view of a case is on the record, in the same transaction as the read.
        await recordAudit(tx, auditContextOf(request), { action: 'case.viewed', resourceType: 'case', resourceId: row.id });
        return detail;
      });
    },
  });

  app.patch('/api/cases/:id', {
    config: { access: { action: 'case.update' } },
    schema: { tags: ['cases'], params: caseIdParams, body: updateCaseBody, response: { 200: caseDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await updateCase(tx, ctx, actor, auditContextOf(request), request.params.id, request.body);
        const row = await loadCaseInScope(tx, actor, 'case.read', request.params.id);
        return presentCaseDetail(tx, ctx.keyring, actor, row);
      });
    },
  });

  app.get('/api/cases/:id/access-log', {
    config: { access: { action: 'case.readAccessLog' } },
    schema: { tags: ['cases'], params: caseIdParams, querystring: pageQuery, response: { 200: pageOf(accessLogEntry) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize } = request.query;
      return db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actor, 'case.readAccessLog', request.params.id);
        const where = and(eq(auditEvents.resourceType, 'case'), eq(auditEvents.resourceId, row.id));
        const [events, total] = await inOrder([
          tx
            .select({ event: auditEvents, agencyName: agencies.name })
            .from(auditEvents)
            .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
            .where(where)
            .orderBy(desc(auditEvents.id))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          tx.select({ n: count() }).from(auditEvents).where(where),
        ]);
        await recordAudit(tx, auditContextOf(request), { action: 'case.accessLogViewed', resourceType: 'case', resourceId: row.id });
        return {
          items: events.map(({ event, agencyName }) => ({
            id: event.id.toString(),
            occurredAt: event.occurredAt.toISOString(),
            actorUsername: event.actorUsername,
            actorRole: event.actorRole,
            agencyName,
            action: event.action,
            outcome: event.outcome,
          })),
          total: total[0]!.n,
        };
      });
    },
  });
}

