import { z } from 'zod';
import {
  closeCaseBody, closeCaseResponse, followUp, followUpBody, followUpDoneBody, referralServiceBody, returnBody, returnResponse, serviceBody, serviceDelivered,
  supportPlan, supportPlanBody, supportPlanPatch,
} from '@shared/api/referrals.js';
import type { Tx } from '../db/database.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { AppError } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { completeFollowUp, createFollowUp, createSupportPlan, listFollowUps, listSupportPlans, updateSupportPlan } from './care-plans.js';
import { closeCase } from './case-closure.js';
import { loadReferralInScope } from './referral-scope.js';
import { listServices, recordServiceOnCase, recordServiceOnReferral, servicesOfCase, servicesOfReferrals } from './services-delivered.js';
import { loadReturnPlan, saveReturnPlan } from './voluntary-return.js';

const idParams = z.object({ id: z.string().uuid() });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The case for a write by a case worker: in their update scope, and not a merged (read-only) duplicate. */
async function workableCase(tx: Tx, actor: Actor, caseId: string) {
  const row = await loadCaseInScope(tx, actor, 'case.update', caseId);
  if (row.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'merged' });
  return row;
}

/** Services delivered, support plans, follow-ups, voluntary return and closure of a case. */
export async function careRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  const { keyring } = ctx;

  // --- services delivered ---
  app.get('/api/cases/:id/services', {
    config: { access: { action: 'service.list' } },
    schema: { tags: ['services'], params: idParams, response: { 200: list(serviceDelivered) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listServices(tx, keyring, servicesOfCase(request.params.id)) };
      }),
  });

  app.post('/api/cases/:id/services', {
    config: { access: { action: 'service.record' } },
    schema: { tags: ['services'], params: idParams, body: serviceBody, response: { 201: list(serviceDelivered) } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const items = await db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        await recordServiceOnCase(tx, keyring, actor, auditContextOf(request), request.params.id, request.body);
        return listServices(tx, keyring, servicesOfCase(request.params.id));
      });
      return reply.status(201).send({ items });
    },
  });

  // A provider sees the services on its referral, not the case's other services.
  app.get('/api/referrals/:id/services', {
    config: { access: { action: 'service.list' } },
    schema: { tags: ['services'], params: idParams, response: { 200: list(serviceDelivered) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const { referral } = await loadReferralInScope(tx, actorOf(request), 'service.list', request.params.id);
        return { items: await listServices(tx, keyring, servicesOfReferrals([referral.id])) };
      }),
  });

  app.post('/api/referrals/:id/services', {
    config: { access: { action: 'service.record' } },
    schema: { tags: ['services'], params: idParams, body: referralServiceBody, response: { 201: list(serviceDelivered) } },
    handler: async (request, reply) => {
      const items = await db.transaction(async (tx) => {
        await recordServiceOnReferral(tx, keyring, actorOf(request), auditContextOf(request), request.params.id, request.body);
        return listServices(tx, keyring, servicesOfReferrals([request.params.id]));
      });
      return reply.status(201).send({ items });
    },
  });

  // --- support plans (spl_) ---
  app.get('/api/cases/:id/support-plans', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: idParams, response: { 200: list(supportPlan) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listSupportPlans(tx, keyring, request.params.id) };
      }),
  });

  app.post('/api/cases/:id/support-plans', {
    config: { access: { action: 'supportPlan.manage' } },
    schema: { tags: ['cases'], params: idParams, body: supportPlanBody, response: { 201: list(supportPlan) } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const items = await db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        await createSupportPlan(tx, keyring, actor.userId, auditContextOf(request), request.params.id, request.body);
        return listSupportPlans(tx, keyring, request.params.id);
      });
      return reply.status(201).send({ items });
    },
  });

  app.patch('/api/cases/:id/support-plans/:planId', {
    config: { access: { action: 'supportPlan.manage' } },
    schema: { tags: ['cases'], params: idParams.extend({ planId: z.string().uuid() }), body: supportPlanPatch, response: { 200: list(supportPlan) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await workableCase(tx, actorOf(request), request.params.id);
        await updateSupportPlan(tx, keyring, auditContextOf(request), request.params.id, request.params.planId, request.body);
        return { items: await listSupportPlans(tx, keyring, request.params.id) };
      }),
  });

  // --- follow-ups ---
  app.get('/api/cases/:id/follow-ups', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: idParams, response: { 200: list(followUp) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listFollowUps(tx, keyring, request.params.id) };
      }),
  });

  app.post('/api/cases/:id/follow-ups', {
    config: { access: { action: 'followUp.manage' } },
    schema: { tags: ['cases'], params: idParams, body: followUpBody, response: { 201: list(followUp) } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const items = await db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        await createFollowUp(tx, keyring, actor.userId, auditContextOf(request), request.params.id, request.body);
        return listFollowUps(tx, keyring, request.params.id);
      });
      return reply.status(201).send({ items });
    },
  });

  app.post('/api/cases/:id/follow-ups/:followUpId/done', {
    config: { access: { action: 'followUp.manage' } },
    schema: { tags: ['cases'], params: idParams.extend({ followUpId: z.string().uuid() }), body: followUpDoneBody, response: { 200: list(followUp) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        await completeFollowUp(tx, keyring, actor.userId, auditContextOf(request), request.params.id, request.params.followUpId, request.body.outcomeNote);
        return { items: await listFollowUps(tx, keyring, request.params.id) };
      });
    },
  });

  // --- voluntary return and reintegration ---
  app.get('/api/cases/:id/return', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: idParams, response: { 200: returnResponse } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { plan: await loadReturnPlan(tx, keyring, request.params.id) };
      }),
  });

  app.put('/api/cases/:id/return', {
    config: { access: { action: 'return.manage' } },
    schema: { tags: ['cases'], params: idParams, body: returnBody, response: { 200: returnResponse } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        await saveReturnPlan(tx, keyring, actor.userId, auditContextOf(request), request.params.id, request.body);
        return { plan: await loadReturnPlan(tx, keyring, request.params.id) };
      });
    },
  });

  // --- closure ---
  app.post('/api/cases/:id/close', {
    config: { access: { action: 'case.close' } },
    schema: { tags: ['cases'], params: idParams, body: closeCaseBody, response: { 200: closeCaseResponse } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await workableCase(tx, actor, request.params.id);
        const result = await closeCase(tx, ctx, actor, auditContextOf(request), request.params.id, request.body);
        return { id: request.params.id, ...result };
      });
    },
  });
}
