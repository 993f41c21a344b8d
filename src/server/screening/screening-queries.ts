import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import {
  VICTIM_OUTCOMES, type ScreeningContext, type ScreeningDetail, type ScreeningOutcome, type ScreeningSummary,
} from '@shared/api/screening.js';
import { openOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, cases, reports, screeningIndicatorSets, screenings, users } from '../db/schema/index.js';
import { inScope } from '../policies/access.js';
import { allowedActionsOn, type Actor } from '../policies/authorize.js';
import type { ScreeningRow } from './screening-scope.js';

type Handle = Db | Tx;

/** The decided outcome, or the suggestion while the responder has not decided: what lists filter and coverage counts. */
export const effectiveOutcome = sql<ScreeningOutcome>`coalesce(${screenings.outcome}, ${screenings.suggestedOutcome})`;

function presentSummary(row: ScreeningRow, createdByName: string): ScreeningSummary {
  return {
    id: row.id,
    reference: row.reference,
    screenedOn: row.screenedOn,
    context: row.context as ScreeningSummary['context'],
    campaignName: row.campaignName,
    vulnerableGroup: row.vulnerableGroup as ScreeningSummary['vulnerableGroup'],
    place: row.place,
    region: row.region as ScreeningSummary['region'],
    province: row.province,
    ageBand: row.ageBand as ScreeningSummary['ageBand'],
    isChild: row.isChild,
    sex: row.sex as ScreeningSummary['sex'],
    nationality: row.nationality as ScreeningSummary['nationality'],
    language: row.language as ScreeningSummary['language'],
    suggestedOutcome: row.suggestedOutcome as ScreeningOutcome,
    outcome: row.outcome as ScreeningOutcome | null,
    decisionStatus: row.decisionStatus as ScreeningSummary['decisionStatus'],
    caseId: row.caseId,
    createdByName,
    version: row.version,
  };
}

/**
 * A reference typed whole (SCR-2026-000042, any case) matches exactly; a part of one (000042, 42)
 * matches as a substring. References carry no identity, so they are searched as they are stored; the
 * contract admits letters, digits and hyphens only, so the term holds no LIKE wildcard.
 */
function referenceMatches(term: string): SQL {
  const upper = term.toUpperCase();
  return /^SCR-\d{4}-\d+$/.test(upper) ? eq(screenings.reference, upper) : sql`${screenings.reference} LIKE ${`%${upper}%`}`;
}

/** The agency's screenings, newest first, filtered and scoped in SQL. */
export async function listScreenings(
  db: Handle,
  actor: Actor,
  query: { page: number; pageSize: number; outcome?: ScreeningOutcome; context?: ScreeningContext; reference?: string },
) {
  const filters: SQL[] = [inScope(actor, 'screening.list', 'screening')];
  if (query.outcome) filters.push(sql`${effectiveOutcome} = ${query.outcome}`);
  if (query.context) filters.push(eq(screenings.context, query.context));
  if (query.reference) filters.push(referenceMatches(query.reference));
  const where = and(...filters);
  const rows = await db
    .select({ screening: screenings, createdByName: users.displayName })
    .from(screenings)
    .innerJoin(users, eq(users.id, screenings.createdBy))
    .where(where)
    .orderBy(desc(screenings.screenedOn), desc(screenings.reference))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(screenings).where(where);
  return { items: rows.map((r) => presentSummary(r.screening, r.createdByName)), total: total!.n };
}

/** What the actor may do next with this screening (the UI hides the rest). */
function screeningActions(actor: Actor, row: ScreeningRow): Action[] {
  const candidates: Action[] = ['screening.read'];
  if (!row.caseId) candidates.push('screening.decide');
  if (!row.caseId && row.outcome && VICTIM_OUTCOMES.includes(row.outcome as ScreeningOutcome)) candidates.push('screening.openCase');
  return allowedActionsOn(actor, candidates);
}

/** The full screening: answers, the suggestion with its reasons, the decision, and the case and report it is linked to. */
export async function presentScreeningDetail(tx: Tx, keyring: Keyring, actor: Actor, row: ScreeningRow): Promise<ScreeningDetail> {
  const [names] = await tx
    .select({
      createdByName: sql<string>`(SELECT display_name FROM users WHERE id = ${screenings.createdBy})`,
      decidedByName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${screenings.decidedBy})`,
      ownerAgencyName: agencies.name,
      indicatorSetVersion: screeningIndicatorSets.version,
      reportReference: reports.reference,
    })
    .from(screenings)
    .innerJoin(agencies, eq(agencies.id, screenings.ownerAgencyId))
    .innerJoin(screeningIndicatorSets, eq(screeningIndicatorSets.id, screenings.indicatorSetId))
    .leftJoin(reports, eq(reports.id, screenings.reportId))
    .where(eq(screenings.id, row.id));
  // The case number only for a case the actor can open (the link itself is no secret to the screening's agency).
  const [linkedCase] = row.caseId
    ? await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(and(eq(cases.id, row.caseId), inScope(actor, 'case.read', 'case')))
    : [];
  return {
    ...presentSummary(row, names!.createdByName),
    indicatorSetId: row.indicatorSetId,
    indicatorSetVersion: names!.indicatorSetVersion,
    reportId: row.reportId,
    reportReference: names!.reportReference,
    answers: row.answers,
    suggestion: row.suggestion,
    overrideReason: openOptional(keyring, screenings.overrideReasonEnc, row.overrideReasonEnc),
    decidedByName: names!.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    caseNumber: linkedCase?.caseNumber ?? null,
    ownerAgencyName: names!.ownerAgencyName,
    createdAt: row.createdAt.toISOString(),
    allowedActions: screeningActions(actor, row),
  };
}
