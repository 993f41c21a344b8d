import { and, asc, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { OPEN_REFERRAL_STATUSES } from '@shared/api/referrals.js';
import { worklistsApi } from '@shared/api/worklists.js';
import { CLOSED_CASE_STATUSES } from '@shared/htcds/case.js';
import { cases, referrals, serviceProviders, shelterCapacity } from '../db/schema/index.js';
import { inOrder } from '../db/in-order.js';
import type { Router } from '../http/route.js';
import { inScope, REFERRAL_SIDES } from '../policies/access.js';
import { presentReferralListItem, QUEUE_ORDER, selectReferrals } from '../referrals/referral-presenter.js';
import { dueAtExpression, loadReferralSettings } from '../referrals/referral-settings.js';
import { nationalReferrals, notReferredByAgency } from './national-oversight.js';
import { pathwayHealthFigures } from './pathway-health.js';

/**
 * What each role must act on: case managers, shelters and the coordinator.
 * The first two list cases and referrals (audited as such reads); the
 * coordinator's tiles are national counts, and open onto de-identified lists.
 */
export function worklistRoutes(router: Router): void {
  // Open cases in the caller's scope, the ones with overdue follow-ups or referrals first.
  router.route(worklistsApi.caseManager, {
    access: { action: 'worklist.caseManager' },
    audit: { reads: 'case.listed', resource: 'case' },
    handler: async ({ tx, actor, query, audit }) => {
      const { page, pageSize, overdue } = query;
      const dueAt = dueAtExpression(await loadReferralSettings(tx));
      const open = and(inScope(actor, 'worklist.caseManager', 'case'), isNull(cases.mergedIntoCaseId), notInArray(cases.status, [...CLOSED_CASE_STATUSES]));
      // Qualified by hand: drizzle leaves columns unqualified in a one-table select, and inside
      // these subqueries a bare "id" would bind to the inner table.
      const caseId = sql.raw('"cases"."id"');
      const overdueFollowUps = sql<number>`(SELECT count(*)::int FROM case_follow_ups f WHERE f.case_id = ${caseId} AND f.done_at IS NULL AND f.due_date < CURRENT_DATE)`;
      const overdueReferrals = sql<number>`(SELECT count(*)::int FROM referrals WHERE referrals.case_id = ${caseId} AND referrals.status = 'sent' AND ${dueAt} <= now())`;
      const openReferrals = sql<number>`(SELECT count(*)::int FROM referrals WHERE referrals.case_id = ${caseId} AND referrals.status IN ('sent', 'accepted', 'in_progress'))`;
      const nextDue = sql<string | null>`(SELECT min(f.due_date)::text FROM case_follow_ups f WHERE f.case_id = ${caseId} AND f.done_at IS NULL)`;
      const hasOverdue = sql`(${overdueFollowUps} + ${overdueReferrals}) > 0`;
      // ?overdue=true is the home tile's filter: the same open cases, only those with something overdue.
      const where = overdue === 'true' ? and(open, hasOverdue) : open;
      const [rows, total, totals] = await inOrder([
        tx
          .select({ caseId: cases.id, caseNumber: cases.caseNumber, status: cases.status, riskLevel: cases.riskLevel, overdueFollowUps, overdueReferrals, openReferrals, nextFollowUpDue: nextDue })
          .from(cases)
          .where(where)
          .orderBy(sql`${hasOverdue} DESC`, sql`${nextDue} ASC NULLS LAST`, asc(cases.caseNumber))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(cases).where(where),
        // The home's tiles: all open cases, and those with something overdue, whatever the filter.
        tx.select({ open: count(), overdue: sql<number>`count(*) FILTER (WHERE ${hasOverdue})::int` }).from(cases).where(open),
      ]);
      audit.details({ worklist: 'case-manager', overdueOnly: overdue === 'true', page, returned: rows.length });
      return { items: rows, total: total[0]!.n, openTotal: totals[0]!.open, overdueTotal: totals[0]!.overdue };
    },
  });

  // The shelter's queue: unanswered referrals first, oldest first, and its beds.
  router.route(worklistsApi.shelter, {
    access: { action: 'worklist.shelter' },
    audit: { reads: 'referral.listed', resource: 'referral' },
    handler: async ({ tx, actor, query, audit }) => {
      const { page, pageSize } = query;
      const settings = await loadReferralSettings(tx);
      const where = and(inScope(actor, 'worklist.shelter', 'referral', REFERRAL_SIDES.incoming), inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]));
      const [rows, total, beds] = await inOrder([
        selectReferrals(tx, actor, 'referral.list').where(where).orderBy(...QUEUE_ORDER, referrals.id).limit(pageSize).offset((page - 1) * pageSize),
        tx.select({ n: count() }).from(referrals).where(where),
        // The beds it keeps: the shelters whose capacity it reports.
        tx
          .select({ providerId: serviceProviders.id, providerName: serviceProviders.name, bedsTotal: shelterCapacity.bedsTotal, bedsOccupied: shelterCapacity.bedsOccupied })
          .from(shelterCapacity)
          .innerJoin(serviceProviders, eq(serviceProviders.id, shelterCapacity.providerId))
          .where(inScope(actor, 'provider.updateCapacity', 'capacity'))
          .orderBy(asc(serviceProviders.name)),
      ]);
      audit.details({ worklist: 'shelter', direction: 'incoming', page, returned: rows.length });
      return {
        incoming: rows.map((row) => presentReferralListItem(row, settings)),
        incomingTotal: total[0]!.n,
        beds: beds.map((b) => ({ ...b, freeBeds: b.bedsTotal - b.bedsOccupied })),
      };
    },
  });

  // National counts only: no case, no person, no agency-level identities.
  router.route(worklistsApi.pathwayHealth, {
    access: { action: 'worklist.pathwayHealth' },
    audit: 'no-content',
    handler: async ({ tx }) => pathwayHealthFigures(tx, new Date()),
  });

  // Behind the coordinator's tiles (national-oversight.ts): referrals without their case, and the
  // victims not yet referred as counts per agency. Nothing identity-bearing, hence no read audit.
  router.route(worklistsApi.nationalReferrals, {
    access: { action: 'worklist.pathwayHealth' },
    audit: 'no-content',
    handler: async ({ tx, actor, query }) => nationalReferrals(tx, actor, query),
  });

  router.route(worklistsApi.notReferred, {
    access: { action: 'worklist.pathwayHealth' },
    audit: 'no-content',
    handler: async ({ tx, actor }) => notReferredByAgency(tx, actor),
  });
}
