import { z } from 'zod';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import {
  coverageQuery, coverageResponse, createScreeningBody, decisionBody, openCaseBody, openCaseResponse, screeningDetail, screeningListQuery, screeningSummary,
} from '@shared/api/screening.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import type { Actor } from '../policies/authorize.js';
import { createScreening, decideScreening, openCaseFromScreening } from './screening-commands.js';
import { listScreenings, presentScreeningDetail, screeningCoverage } from './screening-queries.js';
import { loadScreeningInScope } from './screening-scope.js';
import { indicatorSetRoutes } from './indicator-set-routes.js';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['screening'];

/** Screening interviews (no identity), the responder's decision, opening a case, and coverage counts. */
export async function screeningRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  async function detailIn(tx: Tx, actor: Actor, id: string) {
    return presentScreeningDetail(tx, ctx.keyring, actor, await loadScreeningInScope(tx, actor, 'screening.read', id));
  }

  app.get('/api/screenings', {
    config: { access: { action: 'screening.list' } },
    schema: { tags, querystring: pageQuery.extend(screeningListQuery.shape), response: { 200: pageOf(screeningSummary) } },
    handler: async (request) => listScreenings(db, actorOf(request), request.query),
  });

  app.get('/api/screenings/coverage', {
    config: { access: { action: 'screening.coverage' } },
    schema: { tags, querystring: coverageQuery, response: { 200: coverageResponse } },
    handler: async (request) => screeningCoverage(db, actorOf(request), request.query),
  });

  app.post('/api/screenings', {
    config: { access: { action: 'screening.create' } },
    schema: { tags, body: createScreeningBody, response: { 201: screeningDetail } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const detail = await db.transaction(async (tx) => detailIn(tx, actor, await createScreening(tx, actor, auditContextOf(request), request.body)));
      return reply.status(201).send(detail);
    },
  });

  app.get('/api/screenings/:id', {
    config: { access: { action: 'screening.read' } },
    schema: { tags, params: idParams, response: { 200: screeningDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const detail = await detailIn(tx, actor, request.params.id);
        await recordAudit(tx, auditContextOf(request), { action: 'screening.viewed', resourceType: 'screening', resourceId: detail.id });
        return detail;
      });
    },
  });

  app.post('/api/screenings/:id/decision', {
    config: { access: { action: 'screening.decide' } },
    schema: { tags, params: idParams, body: decisionBody, response: { 200: screeningDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await decideScreening(tx, ctx, actor, auditContextOf(request), request.params.id, request.body);
        return detailIn(tx, actor, request.params.id);
      });
    },
  });

  app.post('/api/screenings/:id/open-case', {
    config: { access: { action: 'screening.openCase' } },
    schema: { tags, params: idParams, body: openCaseBody, response: { 201: openCaseResponse } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const opened = await db.transaction((tx) => openCaseFromScreening(tx, ctx, actor, auditContextOf(request), request.params.id, request.body));
      return reply.status(201).send(opened);
    },
  });

  await indicatorSetRoutes(app, ctx);
}
