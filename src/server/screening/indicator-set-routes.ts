import { z } from 'zod';
import { indicatorSet, indicatorSetVersion, updateIndicatorSetBody } from '@shared/api/screening.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { createNextIndicatorSetVersion, listIndicatorSetVersions, loadCurrentIndicatorSet, loadIndicatorSet } from './indicator-sets.js';

const idParams = z.object({ id: z.string().uuid() });
const tags = ['screening'];

/** The versioned identification indicators: read by responders, edited (as a new version) by administrators. */
export async function indicatorSetRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/screening/indicator-sets/current', {
    config: { access: { action: 'screening.readIndicators' } },
    schema: { tags, response: { 200: indicatorSet } },
    // Seeds version 1 on first use, so a fresh deployment can screen at once.
    handler: async () => db.transaction((tx) => loadCurrentIndicatorSet(tx)),
  });

  app.get('/api/screening/indicator-sets', {
    config: { access: { action: 'screening.readIndicators' } },
    schema: { tags, response: { 200: z.object({ items: z.array(indicatorSetVersion) }) } },
    handler: async () => ({ items: await listIndicatorSetVersions(db) }),
  });

  app.get('/api/screening/indicator-sets/:id', {
    config: { access: { action: 'screening.readIndicators' } },
    schema: { tags, params: idParams, response: { 200: indicatorSet } },
    handler: async (request) => loadIndicatorSet(db, request.params.id),
  });

  app.put('/api/screening/indicator-sets/:id', {
    config: { access: { action: 'screening.editIndicators' } },
    schema: { tags, params: idParams, body: updateIndicatorSetBody, response: { 201: indicatorSet } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.transaction(async (tx) => {
        const id = await createNextIndicatorSetVersion(tx, actor, auditContextOf(request), request.params.id, request.body);
        return loadIndicatorSet(tx, id);
      });
      return reply.status(201).send(created);
    },
  });
}
