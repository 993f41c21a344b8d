import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  VICTIM_OUTCOMES, type CreateScreeningInput, type decisionBody, type IndicatorAnswer, type OpenCaseInput, type ScreeningOutcome,
} from '@shared/api/screening.js';
import type { DuplicateCandidate } from '@shared/api/cases.js';
import { regionOfProvince, type RegionCode } from '@shared/geo/regions.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Tx } from '../db/database.js';
import { reports, screenings } from '../db/schema/index.js';
import type { AppContext } from '../http/app-context.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import { authorize, can, type Actor } from '../policies/authorize.js';
import { createCase } from '../cases/case-commands.js';
import { linkReportToCase } from '../reports/report-case-links.js';
import { classifyScreening, traffickingStatusFor } from './classify.js';
import { loadIndicatorSet } from './indicator-sets.js';
import type { ScreeningRow } from './screening-scope.js';

type Keyed = Pick<AppContext, 'keyring'>;

function invalid(field: string, reason: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ field, reason }] });
}

async function nextReference(tx: Tx, screenedOn: string): Promise<string> {
  const result = await tx.execute<{ n: string }>(sql`SELECT nextval('screening_reference_seq')::text AS n`);
  return `SCR-${screenedOn.slice(0, 4)}-${result.rows[0]!.n.padStart(6, '0')}`;
}

/**
 * Records a screening interview for the actor's agency with the outcome the
 * classifier suggests. Only person basics are stored: identity is asked for
 * only when a case is opened, and then goes to the encrypted case.
 */
export async function createScreening(tx: Tx, actor: Actor, audit: AuditContext, input: Omit<CreateScreeningInput, 'decision'>): Promise<string> {
  authorize(actor, 'screening.create');
  const set = await loadIndicatorSet(tx, input.indicatorSetId);
  const codes = new Set(set.indicators.map((i) => i.code));
  const strange = Object.keys(input.answers).find((code) => !codes.has(code));
  if (strange) throw invalid(`answers.${strange}`, 'unknown_indicator', 'An answer names an indicator that is not in this indicator set');
  if (input.province && (!regionOfProvince(input.province) || (input.region && regionOfProvince(input.province) !== input.region))) {
    throw invalid('province', 'not_in_region', 'The province is not in the chosen region');
  }
  // A screening requested from a report happens where the report came from, unless told otherwise.
  let reportRegion: RegionCode | null = null;
  if (input.reportId) {
    const [report] = await tx.select({ id: reports.id, region: reports.region }).from(reports).where(and(eq(reports.id, input.reportId), inScope(actor, 'report.read', 'report')));
    if (!report) throw notFound('Report');
    reportRegion = report.region;
  }
  // Every indicator of the set gets an answer on record; what was not asked is unknown.
  const answers: Record<string, IndicatorAnswer> = Object.fromEntries(set.indicators.map((i) => [i.code, input.answers[i.code] ?? 'unknown']));
  const suggestion = classifyScreening({ indicators: set.indicators, thresholds: set.thresholds, answers, isChild: input.isChild });
  const screenedOn = input.screenedOn ?? new Date().toISOString().slice(0, 10);
  const [row] = await tx
    .insert(screenings)
    .values({
      reference: await nextReference(tx, screenedOn),
      indicatorSetId: set.id,
      context: input.context,
      campaignName: input.campaignName,
      vulnerableGroup: input.vulnerableGroup,
      place: input.place,
      region: input.region ?? (input.province ? (regionOfProvince(input.province) ?? null) : reportRegion),
      province: input.province,
      screenedOn,
      reportId: input.reportId,
      ageBand: input.ageBand,
      isChild: input.isChild,
      sex: input.sex,
      nationality: input.nationality,
      language: input.language,
      answers,
      suggestedOutcome: suggestion.outcome,
      suggestion,
      ownerAgencyId: actor.agencyId,
      createdBy: actor.userId,
    })
    .returning({ id: screenings.id });
  await recordAudit(tx, audit, {
    action: 'screening.created',
    resourceType: 'screening',
    resourceId: row!.id,
    details: { indicatorSetVersion: set.version, context: input.context, suggestedOutcome: suggestion.outcome, fromReport: Boolean(input.reportId) },
  });
  return row!.id;
}

/** The responder confirms the suggested outcome or overrides it (a reason is then required). Final once a case is opened. */
export async function decideScreening(tx: Tx, ctx: Keyed, actor: Actor, audit: AuditContext, row: ScreeningRow, input: z.infer<typeof decisionBody>): Promise<void> {
  const { id } = row;
  if (row.version !== input.version) throw conflict();
  if (row.caseId) throw new AppError('CONFLICT', 'A case was opened from this screening; its outcome is final', { reason: 'screening_case_opened' });
  const overridden = input.outcome !== row.suggestedOutcome;
  if (overridden && !input.reason) throw invalid('reason', 'required', 'Give a reason for overriding the suggested outcome');
  await tx
    .update(screenings)
    .set({
      outcome: input.outcome,
      decisionStatus: overridden ? 'overridden' : 'confirmed',
      overrideReasonEnc: sealOptional(ctx.keyring, screenings.overrideReasonEnc, input.reason),
      decidedBy: actor.userId,
      decidedAt: new Date(),
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(screenings.id, id));
  await recordAudit(tx, audit, {
    action: 'screening.decided',
    resourceType: 'screening',
    resourceId: id,
    changedFields: ['outcome', 'decisionStatus', ...(input.reason ? ['overrideReason'] : [])],
    details: { outcome: input.outcome, suggestedOutcome: row.suggestedOutcome, overridden },
  });
}

/**
 * Opens a victim case from a screening confirmed as presumed or possible
 * trafficking (or both): the identity is entered now and encrypted in the
 * case; the case records where it came from, and the report behind the
 * screening is linked to it. Returns the cross-agency duplicate candidates.
 */
export async function openCaseFromScreening(
  tx: Tx, ctx: Keyed, actor: Actor, audit: AuditContext, row: ScreeningRow, input: OpenCaseInput,
): Promise<{ caseId: string; caseNumber: string; duplicates: DuplicateCandidate[] }> {
  const { id } = row;
  if (row.version !== input.version) throw conflict();
  if (row.caseId) throw new AppError('CONFLICT', 'A case was already opened from this screening', { reason: 'screening_case_opened' });
  const outcome = row.outcome as ScreeningOutcome | null;
  if (!outcome || !VICTIM_OUTCOMES.includes(outcome)) {
    throw new AppError('CONFLICT', 'Confirm a presumed or possible victim outcome before opening a case', { reason: 'no_victim_outcome' });
  }
  const person = { ...input.person };
  // The basics already given at screening fill what the identity form left open.
  if (person.sex === 'NonSpecifiedUnknown') person.sex = row.sex as typeof person.sex;
  if (person.citizenships.length === 0 && row.nationality) person.citizenships = [row.nationality as (typeof person.citizenships)[number]];
  if (person.languages.length === 0 && row.language) person.languages = [row.language as (typeof person.languages)[number]];
  const created = await createCase(tx, ctx, actor, audit, {
    person,
    region: input.region !== undefined ? input.region : (row.region as OpenCaseInput['region']),
    province: input.province !== undefined ? input.province : row.province,
    traffickingStatus: traffickingStatusFor(outcome, row.suggestion),
    exploitationForms: row.suggestion.forms,
    migrantStatus: row.isChild && row.nationality && row.nationality !== 'MA' && row.answers['child_unaccompanied'] === 'yes' ? 'unaccompanied_child' : undefined,
    sourceScreeningId: row.id,
    sourceReportId: row.reportId,
  });
  await tx.update(screenings).set({ caseId: created.id, version: row.version + 1, updatedAt: new Date() }).where(eq(screenings.id, id));
  if (row.reportId && can(actor, 'report.linkCase')) {
    const [linkable] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.id, row.reportId), ne(reports.status, 'closed'), inScope(actor, 'report.linkCase', 'report')));
    if (linkable) await linkReportToCase(tx, audit, actor, row.reportId, created.id);
  }
  await recordAudit(tx, audit, { action: 'screening.caseOpened', resourceType: 'screening', resourceId: id, changedFields: ['caseId'], details: { caseId: created.id } });
  return { caseId: created.id, caseNumber: created.caseNumber, duplicates: created.duplicates };
}
