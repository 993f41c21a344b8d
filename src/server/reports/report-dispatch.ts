import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { LAW_ENFORCEMENT_AGENCY_TYPES, type DispatchTarget } from '@shared/api/reports.js';
import { REGION_NAMES, isRegionCode } from '@shared/geo/regions.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, reportDispatches } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { notifyDispatchReceived } from '../notifications/domain-notices.js';

type DispatchPurpose = 'emergency' | 'screening';

/** A refused agency: the closed reason tells the operator why, the issue names the field. */
function notLawEnforcement(field: string): AppError {
  return new AppError('VALIDATION_FAILED', 'Reports are dispatched to law-enforcement units only', {
    reason: 'not_law_enforcement',
    issues: [{ field, reason: 'not_law_enforcement' }],
  });
}

/** Active law-enforcement units: the only agencies a report is dispatched to. */
const lawEnforcementUnit = and(inArray(agencies.type, [...LAW_ENFORCEMENT_AGENCY_TYPES]), eq(agencies.disabled, false));

/** The requested agency when it is an active law-enforcement unit; refused otherwise (unknown, disabled, or a shelter…). */
async function requireLawEnforcementUnit(tx: Tx, agencyId: string, field: string): Promise<string> {
  const [found] = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, agencyId), lawEnforcementUnit));
  if (!found) throw notLawEnforcement(field);
  return found.id;
}

/** Agencies store their region as free text (a name in any locale, or the code): all spellings of one region. */
function regionSpellings(region: string): string[] {
  if (!isRegionCode(region)) return [region.toLowerCase()];
  return [region.toLowerCase(), ...Object.values(REGION_NAMES[region]).map((n) => n.toLowerCase())];
}

/**
 * The law-enforcement agency an emergency goes to: the one asked for (checked),
 * else the first in the report's region, else the first in the country, so an
 * emergency is never left without somewhere to go. Null only when none exists.
 */
export async function chooseEmergencyAgency(tx: Tx, region: string | null, requestedId: string | undefined, field = 'dispatchAgencyId'): Promise<string | null> {
  if (requestedId) return requireLawEnforcementUnit(tx, requestedId, field);
  const inRegion = region ? sql`CASE WHEN lower(${agencies.region}) IN ${regionSpellings(region)} THEN 0 ELSE 1 END` : sql`0`;
  const [first] = await tx.select({ id: agencies.id }).from(agencies).where(lawEnforcementUnit).orderBy(inRegion, asc(agencies.name)).limit(1);
  return first?.id ?? null;
}

/** Checks that a screening request names a unit, and that it is an active law-enforcement unit. */
export async function assertScreeningAgency(tx: Tx, agencyId: string | undefined): Promise<string> {
  if (!agencyId) throw new AppError('VALIDATION_FAILED', 'Choose the unit to send the report to', { issues: [{ field: 'agencyId', reason: 'required' }] });
  return requireLawEnforcementUnit(tx, agencyId, 'agencyId');
}

/** Records a dispatch of the report to an agency, audited in the same transaction. */
export async function createDispatch(
  tx: Tx,
  audit: AuditContext,
  input: { reportId: string; agencyId: string; purpose: DispatchPurpose; dispatchedBy: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(reportDispatches)
    .values({ reportId: input.reportId, agencyId: input.agencyId, purpose: input.purpose, dispatchedBy: input.dispatchedBy })
    .returning({ id: reportDispatches.id });
  await recordAudit(tx, audit, {
    action: 'report.dispatched',
    resourceType: 'report',
    resourceId: input.reportId,
    details: { dispatchId: row!.id, agencyId: input.agencyId, purpose: input.purpose },
  });
  await notifyDispatchReceived(tx, input);
  return row!.id;
}

/** True when the report already has an emergency dispatch waiting for, or given, a response. */
export async function hasEmergencyDispatch(tx: Tx, reportId: string): Promise<boolean> {
  const [found] = await tx
    .select({ id: reportDispatches.id })
    .from(reportDispatches)
    .where(and(eq(reportDispatches.reportId, reportId), eq(reportDispatches.purpose, 'emergency')))
    .limit(1);
  return Boolean(found);
}

/**
 * Marks a dispatch as received by its agency (idempotent: the first
 * acknowledgement's time is kept). The caller has already checked scope.
 */
export async function acknowledgeDispatch(tx: Tx, audit: AuditContext, reportId: string, dispatchId: string, userId: string): Promise<void> {
  const updated = await tx
    .update(reportDispatches)
    .set({ acknowledgedAt: new Date(), acknowledgedBy: userId })
    .where(and(eq(reportDispatches.id, dispatchId), eq(reportDispatches.reportId, reportId), isNull(reportDispatches.acknowledgedAt)))
    .returning({ id: reportDispatches.id });
  if (!updated[0]) return;
  await recordAudit(tx, audit, {
    action: 'report.dispatchAcknowledged',
    resourceType: 'report',
    resourceId: reportId,
    details: { dispatchId },
  });
}

/** The active law-enforcement units a report can be sent to, by name (the hotline's picker): the same set the dispatch accepts. */
export async function listDispatchTargets(db: Db | Tx): Promise<DispatchTarget[]> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type, region: agencies.region })
    .from(agencies)
    .where(lawEnforcementUnit)
    .orderBy(asc(agencies.name));
  return rows.map((row) => ({ ...row, type: row.type as DispatchTarget['type'] }));
}
