import { z } from 'zod';
import { duplicateCandidate, mergeRequest, mergeRequestBody } from '@shared/api/cases.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { caseIdParams } from './case-routes.js';
import { loadCaseInScope } from './case-scope.js';
import { findDuplicateCandidates } from './duplicates.js';
import { decideMerge, listMergeRequests, requestMerge } from './merge.js';

const requestParams = z.object({ requestId: z.string().uuid() });
const mergeRequestList = z.object({ items: z.array(mergeRequest) });

/** Duplicate candidates across agencies and the merge requests that resolve them. */
export async function caseMergeRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/cases/:id/duplicates', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: z.object({ items: z.array(duplicateCandidate) }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actor, 'case.read', request.params.id);
        const items = await findDuplicateCandidates(tx, ctx.keyring, actor, row.id);
        await recordAudit(tx, auditContextOf(request), { action: 'case.duplicatesFound', resourceType: 'case', resourceId: row.id, details: { candidates: items.length } });
        return { items };
      });
    },
  });

  app.get('/api/cases/:id/merge-requests', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: mergeRequestList } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actor, 'case.read', request.params.id);
        return { items: await listMergeRequests(tx, actor, row.id) };
      });
    },
  });

  app.post('/api/cases/:id/merge-requests', {
    config: { access: { action: 'case.requestMerge' } },
    schema: { tags: ['cases'], params: caseIdParams, body: mergeRequestBody, response: { 201: mergeRequestList } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const items = await db.transaction(async (tx) => {
        await requestMerge(tx, ctx.keyring, actor, auditContextOf(request), request.params.id, request.body.targetCaseId);
        return listMergeRequests(tx, actor, request.params.id);
      });
      return reply.status(201).send({ items });
    },
  });

  // The owner's work list: requests waiting for a decision on cases the caller can merge into.
  app.get('/api/cases/merge-requests', {
    config: { access: { action: 'case.merge' } },
    schema: { tags: ['cases'], response: { 200: mergeRequestList } },
    handler: async (request) => db.transaction(async (tx) => ({ items: await listMergeRequests(tx, actorOf(request)) })),
  });

  for (const decision of ['accept', 'decline'] as const) {
    app.post(`/api/cases/merge-requests/:requestId/${decision}`, {
      config: { access: { action: 'case.merge' } },
      schema: { tags: ['cases'], params: requestParams, response: { 200: z.object({ ok: z.literal(true) }) } },
      handler: async (request) => {
        await db.transaction((tx) => decideMerge(tx, actorOf(request), auditContextOf(request), request.params.requestId, decision === 'accept'));
        return { ok: true as const };
      },
    });
  }
}
