import { and, asc, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { pageOf, pageQuery } from '@shared/api/pagination.js';
import { caseManagerWorkItem, OPEN_REFERRAL_STATUSES, pathwayHealth, shelterWorklist } from '@shared/api/referrals.js';
import { CLOSED_CASE_STATUSES } from '@shared/htcds/case.js';
import { cases, referrals, serviceProviders, shelterCapacity } from '../db/schema/index.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf } from '../http/request-context.js';
import { caseScope } from '../cases/case-scope.js';
import { presentReferralListItem, QUEUE_ORDER, selectReferrals } from './referral-presenter.js';
import { receivingSide } from './referral-scope.js';
import { dueAtExpression, loadReferralSettings } from './referral-settings.js';
import { pathwayHealthFigures } from './pathway-health.js';
import { inOrder } from '../db/in-order.js';

/** What each role must act on: case managers, shelters and the coordinator. */
export async function worklistRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  // Open cases in the caller's scope, the ones with overdue follow-ups or referrals first.
  app.get('/api/worklists/case-manager', {
    config: { access: { action: 'worklist.caseManager' } },
    schema: { tags: ['worklists'], querystring: pageQuery, response: { 200: pageOf(caseManagerWorkItem) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize } = request.query;
      return db.transaction(async (tx) => {
        const dueAt = dueAtExpression(await loadReferralSettings(tx));
        const where = and(caseScope(actor, 'case.list'), isNull(cases.mergedIntoCaseId), notInArray(cases.status, [...CLOSED_CASE_STATUSES]));
        // Qualified by hand: drizzle leaves columns unqualified in a one-table select, and inside
        // these subqueries a bare "id" would bind to the inner table.
        const caseId = sql.raw('"cases"."id"');
        const overdueFollowUps = sql<number>`(SELECT count(*)::int FROM case_follow_ups f WHERE f.case_id = ${caseId} AND f.done_at IS NULL AND f.due_date < CURRENT_DATE)`;
        const overdueReferrals = sql<number>`(SELECT count(*)::int FROM referrals WHERE referrals.case_id = ${caseId} AND referrals.status = 'sent' AND ${dueAt} <= now())`;
        const openReferrals = sql<number>`(SELECT count(*)::int FROM referrals WHERE referrals.case_id = ${caseId} AND referrals.status IN ('sent', 'accepted', 'in_progress'))`;
        const nextDue = sql<string | null>`(SELECT min(f.due_date)::text FROM case_follow_ups f WHERE f.case_id = ${caseId} AND f.done_at IS NULL)`;
        const [rows, total] = await inOrder([
          tx
            .select({ caseId: cases.id, caseNumber: cases.caseNumber, status: cases.status, riskLevel: cases.riskLevel, overdueFollowUps, overdueReferrals, openReferrals, nextFollowUpDue: nextDue })
            .from(cases)
            .where(where)
            .orderBy(sql`(${overdueFollowUps} + ${overdueReferrals}) > 0 DESC`, sql`${nextDue} ASC NULLS LAST`, asc(cases.caseNumber))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          tx.select({ n: count() }).from(cases).where(where),
        ]);
        return { items: rows, total: total[0]!.n };
      });
    },
  });

  // The shelter's queue: unanswered referrals first, oldest first, and its beds.
  app.get('/api/worklists/shelter', {
    config: { access: { action: 'worklist.shelter' } },
    schema: { tags: ['worklists'], querystring: pageQuery, response: { 200: shelterWorklist } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { page, pageSize } = request.query;
      return db.transaction(async (tx) => {
        const settings = await loadReferralSettings(tx);
        const where = and(receivingSide(actor, 'worklist.shelter'), inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]));
        const [rows, total, beds] = await inOrder([
          selectReferrals(tx, actor, 'referral.list').where(where).orderBy(...QUEUE_ORDER, referrals.id).limit(pageSize).offset((page - 1) * pageSize),
          tx.select({ n: count() }).from(referrals).where(where),
          tx
            .select({ providerId: serviceProviders.id, providerName: serviceProviders.name, bedsTotal: shelterCapacity.bedsTotal, bedsOccupied: shelterCapacity.bedsOccupied })
            .from(shelterCapacity)
            .innerJoin(serviceProviders, eq(serviceProviders.id, shelterCapacity.providerId))
            .where(eq(serviceProviders.agencyId, actor.agencyId))
            .orderBy(asc(serviceProviders.name)),
        ]);
        return {
          incoming: rows.map((row) => presentReferralListItem(row, settings)),
          incomingTotal: total[0]!.n,
          beds: beds.map((b) => ({ ...b, freeBeds: b.bedsTotal - b.bedsOccupied })),
        };
      });
    },
  });

  // National counts only: no case, no person, no agency-level identities.
  app.get('/api/worklists/pathway-health', {
    config: { access: { action: 'worklist.pathwayHealth' } },
    schema: { tags: ['worklists'], response: { 200: pathwayHealth } },
    handler: async () => db.transaction(async (tx) => pathwayHealthFigures(tx, new Date())),
  });
}
