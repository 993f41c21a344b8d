import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Action } from '@shared/actions.js';
import {
  OPEN_REPORT_STATUSES,
  RECEIPT_PATTERN,
  type ReportDetail,
  type reportListQuery,
  type ReportSummary,
} from '@shared/api/reports.js';
import type { Db, Tx } from '../db/database.js';
import { inOrder } from '../db/in-order.js';
import { agencies, cases, reportAdditions, reportCases, reportDispatches, reports, users } from '../db/schema/index.js';
import { open, openOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import { receiptHash } from './receipt-codes.js';
import { inScope } from '../policies/access.js';
import { allowedActionsOn, can, reachesAll, type Actor } from '../policies/authorize.js';

type ReportRow = typeof reports.$inferSelect;
type Handle = Db | Tx;

// Written as reports.id, not ${reports.id}: drizzle renders a column of a one-table select
// unqualified, and inside this subquery "id" would be the dispatch's own id.
const awaitingAcknowledgement = sql<boolean>`EXISTS (SELECT 1 FROM report_dispatches d
  WHERE d.report_id = reports.id AND d.purpose = 'emergency' AND d.acknowledged_at IS NULL)`;

// Immediate danger first, then urgent, then standard.
const urgencyRank = sql`CASE ${reports.urgency} WHEN 'immediate_danger' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;

/** Turns a report row into the list item the work list shows (no narrative, no contact). */
export function presentReportSummary(row: ReportRow, awaiting: boolean): ReportSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as ReportSummary['kind'],
    channel: row.channel as ReportSummary['channel'],
    status: row.status as ReportSummary['status'],
    urgency: row.urgency as ReportSummary['urgency'],
    receivedAt: row.receivedAt.toISOString(),
    region: row.region as ReportSummary['region'],
    province: row.province,
    exploitationForms: row.exploitationForms as ReportSummary['exploitationForms'],
    peopleAtRisk: row.peopleAtRisk,
    minorsInvolved: row.minorsInvolved,
    awaitingAcknowledgement: awaiting,
    version: row.version,
  };
}

/**
 * A search by reference: any part of the report number (`000123`, `R-2026-000123`),
 * or a whole receipt code, matched through its keyed hash (codes are never stored).
 */
function matchesReference(keyring: Keyring, q: string): SQL {
  const byNumber = sql`${reports.reference} ILIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  if (!RECEIPT_PATTERN.test(q.toUpperCase())) return byNumber;
  return sql`(${byNumber} OR ${reports.receiptHash} = ${receiptHash(keyring, q)})`;
}

/** The work list: filtered and scoped in SQL, most urgent first, then the newest. */
export async function listReports(db: Handle, keyring: Keyring, actor: Actor, query: z.output<typeof reportListQuery> & { page: number; pageSize: number }) {
  const filters: SQL[] = [inScope(actor, 'report.list', 'report')];
  if (query.status === 'open') filters.push(inArray(reports.status, [...OPEN_REPORT_STATUSES]));
  else if (query.status) filters.push(eq(reports.status, query.status));
  if (query.urgency) filters.push(eq(reports.urgency, query.urgency));
  if (query.kind) filters.push(eq(reports.kind, query.kind));
  if (query.region) filters.push(eq(reports.region, query.region));
  if (query.q) filters.push(matchesReference(keyring, query.q));
  const where = and(...filters);
  const [rows, total] = await inOrder([
    db
      .select({ report: reports, awaiting: awaitingAcknowledgement })
      .from(reports)
      .where(where)
      .orderBy(urgencyRank, desc(reports.receivedAt), asc(reports.reference))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { items: rows.map((r) => presentReportSummary(r.report, r.awaiting)), total: total[0]!.n };
}

/** What the actor may do next with a report in this status (the UI hides the rest). */
function reportActions(actor: Actor, status: string): Action[] {
  const byStatus: Record<string, Action[]> = {
    new: ['report.update', 'report.triage', 'report.dispatch', 'report.close', 'report.linkCase'],
    triaged: ['report.update', 'report.triage', 'report.dispatch', 'report.close', 'report.linkCase'],
    dispatched: ['report.update', 'report.dispatch', 'report.close', 'report.linkCase'],
    screening_requested: ['report.update', 'report.dispatch', 'report.close', 'report.linkCase'],
    linked: ['report.update', 'report.close', 'report.linkCase'],
    closed: [],
  };
  return allowedActionsOn(actor, ['report.read', ...(byStatus[status] ?? [])]);
}

/** Loads one report within the actor's scope for `action`, or undefined (the caller answers 404). */
export async function findReportInScope(db: Handle, actor: Actor, id: string, action: Action = 'report.read'): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(and(eq(reports.id, id), inScope(actor, action, 'report')));
  return row;
}

/**
 * The full report as the actor may see it: decrypted narrative, dispatches,
 * additions and linked cases; `contactDispatchId` names the emergency dispatch
 * through which a unit was shown the reporter's contact (the caller audits it).
 */
export async function presentReportDetail(db: Handle, keyring: Keyring, actor: Actor, row: ReportRow): Promise<{ detail: ReportDetail; contactDispatchId: string | null }> {
  // One after the other: inside a transaction the queries share one connection.
  const dispatches = await db
    .select({ dispatch: reportDispatches, agencyName: agencies.name, acknowledgedByName: users.displayName })
    .from(reportDispatches)
    .innerJoin(agencies, eq(agencies.id, reportDispatches.agencyId))
    .leftJoin(users, eq(users.id, reportDispatches.acknowledgedBy))
    .where(eq(reportDispatches.reportId, row.id))
    .orderBy(asc(reportDispatches.dispatchedAt));
  const additions = await db.select().from(reportAdditions).where(eq(reportAdditions.reportId, row.id)).orderBy(asc(reportAdditions.receivedAt));
  const links = await db
    .select({ id: reportCases.caseId, caseNumber: cases.caseNumber })
    .from(reportCases)
    .innerJoin(cases, eq(cases.id, reportCases.caseId))
    .where(eq(reportCases.reportId, row.id))
    .orderBy(asc(reportCases.linkedAt));
  const contactDispatch = contactDispatchFor(actor, dispatches.map((d) => d.dispatch));
  const seesContact = reachesAll(actor, 'report.read') || contactDispatch !== null;
  const contact = seesContact ? openOptional(keyring, reports.reporterContactEnc, row.reporterContactEnc) : null;
  const detail: ReportDetail = {
    ...presentReportSummary(row, dispatches.some((d) => d.dispatch.purpose === 'emergency' && d.dispatch.acknowledgedAt === null)),
    callerType: row.callerType as ReportDetail['callerType'],
    language: row.language,
    narrative: openOptional(keyring, reports.narrativeEnc, row.narrativeEnc),
    reporterContact: contact,
    closureReason: row.closureReason as ReportDetail['closureReason'],
    closedAt: row.closedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dispatches: dispatches.map(({ dispatch, agencyName, acknowledgedByName }) => ({
      id: dispatch.id,
      purpose: dispatch.purpose as 'emergency' | 'screening',
      agencyId: dispatch.agencyId,
      agencyName,
      dispatchedAt: dispatch.dispatchedAt.toISOString(),
      acknowledgedAt: dispatch.acknowledgedAt?.toISOString() ?? null,
      acknowledgedByName,
      allowedActions:
        dispatch.acknowledgedAt === null && dispatch.agencyId === actor.agencyId && can(actor, 'report.acknowledgeDispatch') ? ['report.acknowledgeDispatch'] : [],
    })),
    additions: additions.map((a) => ({ id: a.id, receivedAt: a.receivedAt.toISOString(), text: open(keyring, reportAdditions.textEnc, a.textEnc) })),
    linkedCases: links,
    allowedActions: reportActions(actor, row.status),
  };
  return { detail, contactDispatchId: contact !== null && !reachesAll(actor, 'report.read') ? contactDispatch : null };
}

/**
 * The emergency dispatch that lets a unit read the reporter's contact: a
 * reporter who left it trusted the hotline, and the hotline sends the police
 * to someone in immediate danger, so the unit sent (and only it) may call the
 * reporter back. Null for every other reader; the hotline reaches all reports.
 */
export function contactDispatchFor(actor: Actor, dispatches: Pick<typeof reportDispatches.$inferSelect, 'id' | 'purpose' | 'agencyId'>[]): string | null {
  if (!can(actor, 'report.acknowledgeDispatch')) return null;
  return dispatches.find((d) => d.purpose === 'emergency' && d.agencyId === actor.agencyId)?.id ?? null;
}

/** Finds an unacknowledged-or-not dispatch addressed to the actor's agency on a report in scope. */
export async function findDispatchForAgency(db: Handle, actor: Actor, reportId: string, dispatchId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: reportDispatches.id })
    .from(reportDispatches)
    .innerJoin(reports, eq(reports.id, reportDispatches.reportId))
    .where(
      and(
        eq(reportDispatches.id, dispatchId),
        eq(reportDispatches.reportId, reportId),
        eq(reportDispatches.agencyId, actor.agencyId),
        inScope(actor, 'report.acknowledgeDispatch', 'report'),
      ),
    );
  return Boolean(found);
}

