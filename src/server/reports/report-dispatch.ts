import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { LAW_ENFORCEMENT_AGENCY_TYPES, type DispatchTarget } from '@shared/api/reports.js';
import { REGION_NAMES, isRegionCode } from '@shared/geo/regions.js';
import type { Db, Tx } from '../db/database.js';
import { agencies, reportDispatches } from '../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { notifyDispatchReceived } from '../notifications/domain-notices.js';

type DispatchPurpose = 'emergency' | 'screening';

function invalidAgency(field: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', 'This agency cannot receive the report', { issues: [{ field, reason }] });
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
  const lawEnforcement = and(inArray(agencies.type, [...LAW_ENFORCEMENT_AGENCY_TYPES]), eq(agencies.disabled, false));
  if (requestedId) {
    const [found] = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, requestedId), lawEnforcement));
    if (!found) throw invalidAgency(field, 'not_law_enforcement');
    return found.id;
  }
  const inRegion = region ? sql`CASE WHEN lower(${agencies.region}) IN ${regionSpellings(region)} THEN 0 ELSE 1 END` : sql`0`;
  const [first] = await tx.select({ id: agencies.id }).from(agencies).where(lawEnforcement).orderBy(inRegion, asc(agencies.name)).limit(1);
  return first?.id ?? null;
}

/** Checks that a screening request goes to an active agency. */
export async function assertScreeningAgency(tx: Tx, agencyId: string | undefined): Promise<string> {
  if (!agencyId) throw invalidAgency('agencyId', 'required');
  const [found] = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, agencyId), eq(agencies.disabled, false)));
  if (!found) throw invalidAgency('agencyId', 'unknown');
  return found.id;
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

/** Active agencies a report can be sent to, law enforcement first (the hotline's picker). */
export async function listDispatchTargets(db: Db | Tx): Promise<DispatchTarget[]> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type, region: agencies.region })
    .from(agencies)
    .where(and(eq(agencies.disabled, false), sql`${agencies.type} NOT IN ('Hotline', 'NationalCommission', 'CentralGovernmentOrganisation')`))
    .orderBy(asc(agencies.name));
  const isLawEnforcement = (type: string) => (LAW_ENFORCEMENT_AGENCY_TYPES as readonly string[]).includes(type);
  return rows
    .map((row) => ({ ...row, lawEnforcement: isLawEnforcement(row.type) }))
    .sort((a, b) => Number(b.lawEnforcement) - Number(a.lawEnforcement));
}
