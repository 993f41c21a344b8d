import { and, eq, sql } from 'drizzle-orm';
import { CASE_FIELD_DEFAULTS, createCaseBody, type CreateCaseInput, type DuplicateCandidate, type UpdateCaseInput } from '@shared/api/cases.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { regionOfProvince } from '@shared/geo/regions.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Tx } from '../db/database.js';
import { cases, users } from '../db/schema/index.js';
import type { AppContext } from '../http/app-context.js';
import { AppError, conflict } from '../http/app-error.js';
import { authorize, type Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';
import { countOpenReferrals } from './case-closure.js';
import { findDuplicateCandidates } from './duplicates.js';
import { assertCaseSourcesInScope } from './case-sources.js';
import { insertPerson, loadPerson, patchPerson, replacePerson } from './person-identity.js';
import { ageColumnsOf, identificationYearOf, statisticalColumnsOf } from './statistical-columns.js';
import { definedFields } from '@shared/defined-fields.js';
import { issueReason } from '@shared/api/fields.js';

type Keyed = Pick<AppContext, 'keyring'>;
type CaseColumns = Partial<typeof cases.$inferInsert>;

function invalid(field: string, reason: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ field, reason }] });
}

/** A case manager must be an active user holding the case_manager role (in any agency). */
async function assertCaseManager(tx: Tx, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false), sql`'case_manager' = ANY(${users.roles})`));
  if (!row) throw invalid('caseManagerId', 'not_a_case_manager', 'The case manager must be an active user with the case manager role');
}

function assertProvinceInRegion(region: string | null | undefined, province: string | null | undefined): void {
  if (province && (!regionOfProvince(province) || (region && regionOfProvince(province) !== region))) {
    throw invalid('province', 'not_in_region', 'The province is not in the chosen region');
  }
}

/** The case columns for the case fields present in `input` (encrypting the free-text ones). */
function caseColumnsOf(ctx: Keyed, input: Partial<typeof CASE_FIELD_DEFAULTS>): CaseColumns {
  const { riskAssessment, nonPunishmentNote, ...plain } = input;
  const columns: CaseColumns = { ...plain };
  if (riskAssessment !== undefined) columns.riskAssessmentEnc = sealOptional(ctx.keyring, cases.riskAssessmentEnc, riskAssessment);
  if (nonPunishmentNote !== undefined) columns.nonPunishmentNoteEnc = sealOptional(ctx.keyring, cases.nonPunishmentNoteEnc, nonPunishmentNote);
  return columns;
}

/** The next case number, e.g. SAN-2026-000123 (one national sequence, the year of opening in front). */
async function nextCaseNumber(tx: Tx, openedAt: string): Promise<string> {
  const result = await tx.execute<{ n: string }>(sql`SELECT nextval('case_number_seq')::text AS n`);
  return `SAN-${openedAt.slice(0, 4)}-${result.rows[0]!.n.padStart(6, '0')}`;
}

/**
 * Opens a case for a person on behalf of `actor` (owner: the actor's agency),
 * encrypting the identity, and returns the cross-agency duplicate candidates
 * found for it. Also called by the screening module to open a case from a
 * screening (pass `sourceScreeningId`).
 */
export async function createCase(
  tx: Tx,
  ctx: Keyed,
  actor: Actor,
  audit: AuditContext,
  rawInput: CreateCaseInput,
): Promise<{ id: string; caseNumber: string; duplicates: DuplicateCandidate[] }> {
  authorize(actor, 'case.create');
  const parsed = createCaseBody.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'Invalid case', { issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: issueReason(i) })) });
  }
  const { person, openedAt, sourceReportId, sourceScreeningId, ...fields } = parsed.data;
  const input = { ...CASE_FIELD_DEFAULTS, ...definedFields(fields) };
  await assertCaseSourcesInScope(tx, actor, { sourceReportId, sourceScreeningId });
  await assertCaseManager(tx, input.caseManagerId);
  assertProvinceInRegion(input.region, input.province);
  const opened = openedAt ?? new Date().toISOString().slice(0, 10);
  const personId = await insertPerson(tx, ctx.keyring, person);
  const caseNumber = await nextCaseNumber(tx, opened);
  // Derived from the plaintext identity before it is sealed; only the bands and years are stored in clear.
  const statistics = statisticalColumnsOf(person, opened, { status: input.traffickingStatus, decidedAt: input.statusDecidedAt, writtenOn: opened });
  const [row] = await tx
    .insert(cases)
    .values({
      ...caseColumnsOf(ctx, input),
      ...statistics,
      caseNumber,
      personId,
      ownerAgencyId: actor.agencyId,
      createdBy: actor.userId,
      openedAt: opened,
      sourceReportId: sourceReportId ?? null,
      sourceScreeningId: sourceScreeningId ?? null,
    })
    .returning({ id: cases.id });
  const id = row!.id;
  const duplicates = await findDuplicateCandidates(tx, ctx.keyring, actor, id);
  await recordAudit(tx, audit, {
    action: 'case.created',
    resourceType: 'case',
    resourceId: id,
    changedFields: ['person', ...Object.keys(fields)],
    details: { caseNumber, duplicateCandidates: duplicates.length, fromScreening: Boolean(sourceScreeningId) },
  });
  return { id, caseNumber, duplicates };
}

/**
 * Applies a partial update against the version the client read: a stale
 * version gets 409 CONFLICT, never a silent overwrite. A field not sent keeps
 * its value, at every level: the person's identity is the stored one with the
 * sent fields merged in.
 */
export async function updateCase(tx: Tx, ctx: Keyed, actor: Actor, audit: AuditContext, current: CaseRow, input: UpdateCaseInput): Promise<void> {
  const caseId = current.id;
  if (current.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  const { version, person, status, closureReason, closureNote, ...fields } = input;
  if (fields.caseManagerId !== undefined) await assertCaseManager(tx, fields.caseManagerId);
  assertProvinceInRegion(fields.region !== undefined ? fields.region : current.region, fields.province !== undefined ? fields.province : current.province);

  const columns = caseColumnsOf(ctx, fields);
  if (status !== undefined) {
    columns.status = status;
    const closing = CLOSED_CASE_STATUSES.includes(status);
    columns.closedAt = closing ? (current.closedAt ?? new Date()) : null;
    if (closing && !(closureReason ?? current.closureReason)) throw invalid('closureReason', 'required', 'Give a reason for closing the case');
    // A case is not closed behind the back of a provider still caring for the person:
    // open referrals are cancelled first (POST /api/cases/:id/close does both).
    if (closing && !CLOSED_CASE_STATUSES.includes(current.status as CaseStatus)) {
      const openReferrals = await countOpenReferrals(tx, caseId);
      if (openReferrals > 0) throw new AppError('CONFLICT', 'Cancel or complete the open referrals first', { reason: 'open_referrals', openReferrals });
    }
    if (!closing && closureReason === undefined) columns.closureReason = null;
  }
  if (closureReason !== undefined) columns.closureReason = closureReason;
  if (closureNote !== undefined) columns.closureNoteEnc = sealOptional(ctx.keyring, cases.closureNoteEnc, closureNote);

  // The statistical columns follow the identity and status as they will be after this change. The
  // identity is opened only when it changes, or when the age is not known yet (a case written before
  // the columns existed, or a person whose age is unknown): otherwise the stored age columns stand.
  const personFields = Object.keys(definedFields(person ?? {}));
  const identityChanges = person !== undefined && personFields.length > 0;
  const storedPerson = identityChanges || current.ageBand === null ? await loadPerson(tx, ctx.keyring, current.personId) : null;
  const nextPerson = storedPerson && identityChanges ? patchPerson(storedPerson, person) : storedPerson;
  const statistics = {
    ...(nextPerson ? ageColumnsOf(nextPerson, current.openedAt) : {}),
    identificationYear: identificationYearOf({
      status: fields.traffickingStatus ?? current.traffickingStatus,
      decidedAt: fields.statusDecidedAt,
      writtenOn: new Date().toISOString().slice(0, 10),
      stored: current,
    }),
  };

  const updated = await tx
    .update(cases)
    .set({ ...columns, ...statistics, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, caseId), eq(cases.version, version)))
    .returning({ id: cases.id });
  if (updated.length === 0) throw conflict();
  if (nextPerson && identityChanges) await replacePerson(tx, ctx.keyring, current.personId, nextPerson);

  const changedFields = [...Object.keys(definedFields(input)).filter((k) => k !== 'version' && k !== 'person'), ...personFields.map((k) => `person.${k}`)];
  await recordAudit(tx, audit, {
    action: 'case.updated',
    resourceType: 'case',
    resourceId: caseId,
    changedFields,
    details: { fromVersion: version, ...(status ? { status } : {}) },
  });
}
