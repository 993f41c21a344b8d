import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { cancelBody, createReferralBody, declineBody, referralDetail, referralListItem, referralListQuery } from '@shared/api/referrals.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { notFound } from '../http/app-error.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import type { Actor } from '../policies/authorize.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { referCase } from './refer-case.js';
import { transitionReferral, type Transition } from './referral-lifecycle.js';
import { presentReferralDetail, presentReferralListItem, QUEUE_ORDER, selectReferrals } from './referral-presenter.js';
import { referralScope } from './referral-scope.js';
import { loadReferralSettings } from './referral-settings.js';
import { inOrder } from '../db/in-order.js';

const idParams = z.object({ id: z.string().uuid() });

/** One referral as the actor may see it (404 outside their scope). */
async function loadDetail(tx: Tx, ctx: AppContext, actor: Actor, id: string) {
  const [row] = await selectReferrals(tx, actor, 'referral.read').where(and(eq(referrals.id, id), referralScope(actor, 'referral.read')));
  if (!row) throw notFound('Referral');
  return presentReferralDetail(tx, ctx.keyring, actor, row, await loadReferralSettings(tx));
}

/** Referrals: send from a case, list both directions, read the shared fields, answer and cancel. */
export async function referralRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.get('/api/referrals', {
    config: { access: { action: 'referral.list' } },
    schema: { tags: ['referrals'], querystring: pageQuery.extend(referralListQuery.shape), response: { 200: pageOf(referralListItem) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, direction, status, caseId } = request.query;
      // The case filter belongs to the sending side, whose case it is. A receiver is never told
      // which case a referral is about, so for it the filter matches nothing, whatever the id:
      // the answer is the same whether or not one of its referrals belongs to that case.
      const filters: SQL[] = [caseId ? (direction === 'incoming' ? sql`false` : referralScope(actor, 'referral.list', 'outgoing')) : referralScope(actor, 'referral.list', direction)];
      if (status) filters.push(eq(referrals.status, status));
      if (caseId) filters.push(eq(referrals.caseId, caseId));
      const where = and(...filters);
      return db.transaction(async (tx) => {
        const settings = await loadReferralSettings(tx);
        const order = direction === 'incoming' ? QUEUE_ORDER : [desc(referrals.sentAt)];
        const [rows, total] = await inOrder([
          selectReferrals(tx, actor, 'referral.list').where(where).orderBy(...order, referrals.id).limit(pageSize).offset((page - 1) * pageSize),
          tx.select({ n: count() }).from(referrals).innerJoin(cases, eq(cases.id, referrals.caseId)).where(where),
        ]);
        await recordAudit(tx, auditContextOf(request), { action: 'referral.listed', resourceType: 'referral', details: { direction: direction ?? 'both', page, returned: rows.length } });
        return { items: rows.map((row) => presentReferralListItem(row, settings)), total: total[0]!.n };
      });
    },
  });

  app.get('/api/referrals/:id', {
    config: { access: { action: 'referral.read' } },
    schema: { tags: ['referrals'], params: idParams, response: { 200: referralDetail } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const detail = await loadDetail(tx, ctx, actor, request.params.id);
        // Reading shared fields is a read of a victim's data: on the record, with what was shown.
        await recordAudit(tx, auditContextOf(request), {
          action: 'referral.viewed',
          resourceType: 'referral',
          resourceId: detail.id,
          details: { direction: detail.direction, fieldsShown: detail.snapshot ? detail.sharedFields : [], withheld: detail.snapshotWithheld },
        });
        return detail;
      });
    },
  });

  app.post('/api/cases/:id/referrals', {
    config: { access: { action: 'referral.create' } },
    schema: { tags: ['referrals'], params: idParams, body: createReferralBody, response: { 201: referralDetail } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const detail = await db.transaction(async (tx) => {
        const { id } = await referCase(tx, ctx, actor, auditContextOf(request), request.params.id, request.body);
        return loadDetail(tx, ctx, actor, id);
      });
      return reply.status(201).send(detail);
    },
  });

  app.get('/api/cases/:id/referrals', {
    config: { access: { action: 'referral.list' } },
    schema: { tags: ['referrals'], params: idParams, response: { 200: pageOf(referralListItem) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await loadCaseInScope(tx, actor, 'case.read', request.params.id);
        const settings = await loadReferralSettings(tx);
        const rows = await selectReferrals(tx, actor, 'referral.list')
          .where(and(eq(referrals.caseId, request.params.id), referralScope(actor, 'referral.list', 'outgoing')))
          .orderBy(desc(referrals.sentAt));
        return { items: rows.map((row) => presentReferralListItem(row, settings)), total: rows.length };
      });
    },
  });

  const transitionRoute = (transition: Transition, body?: typeof declineBody | typeof cancelBody) => {
    app.post(`/api/referrals/:id/${transition}`, {
      config: { access: { action: transition === 'cancel' ? 'referral.cancel' : 'referral.respond' } },
      schema: { tags: ['referrals'], params: idParams, ...(body ? { body } : {}), response: { 200: referralDetail } },
      handler: async (request) => {
        const actor = actorOf(request);
        return db.transaction(async (tx) => {
          const input = transition === 'decline' || transition === 'cancel' ? { transition, body: request.body as never } : { transition };
          await transitionReferral(tx, ctx.keyring, actor, auditContextOf(request), request.params.id, input as never);
          return loadDetail(tx, ctx, actor, request.params.id);
        });
      },
    });
  };
  transitionRoute('accept');
  transitionRoute('decline', declineBody);
  transitionRoute('start');
  transitionRoute('complete');
  transitionRoute('cancel', cancelBody);
}
