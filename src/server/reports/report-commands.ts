import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Action } from '@shared/actions.js';
import type { closeReportBody, CreateReportBody, dispatchReportBody, triageReportBody, UpdateReportBody } from '@shared/api/reports.js';
import type { Tx } from '../db/database.js';
import { reports } from '../db/schema/index.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import { assertScreeningAgency, chooseEmergencyAgency, createDispatch, hasEmergencyDispatch } from './report-dispatch.js';
import { definedFields } from '@shared/defined-fields.js';

export type ReportRow = typeof reports.$inferSelect;

/** `R-2026-000123` (year received, then a national sequence): a reference operators can read out on the phone. */
export function nextReference(receivedAt: Date) {
  return sql`'R-' || ${String(receivedAt.getUTCFullYear())} || '-' || lpad(nextval('report_reference_seq')::text, 6, '0')`;
}

/**
 * Loads a report for a change, locked, within the actor's scope (404 outside it),
 * at the version the client saw (409 when someone changed it since).
 */
export async function loadReportForChange(tx: Tx, actor: Actor, action: Action, id: string, version?: number): Promise<ReportRow> {
  const [row] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), inScope(actor, action, 'report')))
    .for('update');
  if (!row) throw notFound('Report');
  if (version !== undefined && row.version !== version) throw conflict();
  if (row.status === 'closed') throw new AppError('CONFLICT', 'This report is closed', { reason: 'report_closed' });
  return row;
}

/** Sends an immediate-danger report to law enforcement unless it was already sent; returns whether it did. */
export async function dispatchEmergencyIfNeeded(tx: Tx, audit: AuditContext, report: Pick<ReportRow, 'id' | 'region'>, requestedAgencyId: string | undefined, actor: Actor | null): Promise<boolean> {
  if (await hasEmergencyDispatch(tx, report.id)) return false;
  const agencyId = await chooseEmergencyAgency(tx, report.region, requestedAgencyId);
  if (!agencyId) return false;
  await createDispatch(tx, audit, { reportId: report.id, agencyId, purpose: 'emergency', dispatchedBy: actor?.userId ?? null });
  return true;
}

/** Records a report taken by the hotline; immediate danger dispatches it to law enforcement at once. */
export async function createReport(tx: Tx, keyring: Keyring, audit: AuditContext, actor: Actor, input: CreateReportBody): Promise<string> {
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  const [row] = await tx
    .insert(reports)
    .values({
      reference: nextReference(receivedAt),
      kind: input.kind,
      channel: input.channel,
      urgency: input.urgency,
      receivedAt,
      callerType: input.callerType ?? null,
      language: input.language ?? null,
      region: input.region ?? null,
      province: input.province || null,
      narrativeEnc: sealOptional(keyring, reports.narrativeEnc, input.narrative),
      reporterContactEnc: sealOptional(keyring, reports.reporterContactEnc, input.reporterContact),
      exploitationForms: input.exploitationForms,
      peopleAtRisk: input.peopleAtRisk ?? null,
      minorsInvolved: input.minorsInvolved ?? null,
      ownerAgencyId: actor.agencyId,
      createdBy: actor.userId,
    })
    .returning({ id: reports.id, region: reports.region });
  const report = row!;
  await recordAudit(tx, audit, {
    action: 'report.created',
    resourceType: 'report',
    resourceId: report.id,
    changedFields: Object.keys(input).filter((k) => k !== 'dispatchAgencyId'),
    details: { kind: input.kind, channel: input.channel, urgency: input.urgency },
  });
  if (input.urgency === 'immediate_danger' && (await dispatchEmergencyIfNeeded(tx, audit, report, input.dispatchAgencyId, actor))) {
    await tx.update(reports).set({ status: 'dispatched' }).where(eq(reports.id, report.id));
  }
  return report.id;
}

/** Corrects a report's facts (`current` loaded for 'report.update'); raising it to immediate danger dispatches it. */
export async function updateReport(tx: Tx, keyring: Keyring, audit: AuditContext, actor: Actor, current: ReportRow, input: UpdateReportBody): Promise<void> {
  const id = current.id;
  const { version: _version, narrative, reporterContact, receivedAt, ...plain } = input;
  const changes: Partial<typeof reports.$inferInsert> = definedFields(plain);
  if (narrative !== undefined) changes.narrativeEnc = sealOptional(keyring, reports.narrativeEnc, narrative);
  if (reporterContact !== undefined) changes.reporterContactEnc = sealOptional(keyring, reports.reporterContactEnc, reporterContact);
  if (receivedAt !== undefined) changes.receivedAt = new Date(receivedAt);
  if (changes.province === '') changes.province = null;
  const changedFields = Object.keys(input).filter((k) => k !== 'version' && input[k as keyof UpdateReportBody] !== undefined);
  await tx
    .update(reports)
    .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
    .where(eq(reports.id, id));
  await recordAudit(tx, audit, { action: 'report.updated', resourceType: 'report', resourceId: id, changedFields });
  const region = input.region !== undefined ? input.region : current.region;
  if (input.urgency === 'immediate_danger' && (await dispatchEmergencyIfNeeded(tx, audit, { id, region }, undefined, actor))) {
    await tx.update(reports).set({ status: 'dispatched' }).where(and(eq(reports.id, id), sql`${reports.status} IN ('new', 'triaged')`));
  }
}

/** Triage (`current` loaded for 'report.triage'): confirms what the report is and how urgent; an immediate danger is dispatched. */
export async function triageReport(tx: Tx, audit: AuditContext, actor: Actor, current: ReportRow, input: z.infer<typeof triageReportBody>): Promise<void> {
  const id = current.id;
  if (current.status !== 'new' && current.status !== 'triaged') {
    throw new AppError('CONFLICT', 'This report was already triaged and acted on', { reason: 'report_already_triaged' });
  }
  const dispatched = input.urgency === 'immediate_danger' && (await dispatchEmergencyIfNeeded(tx, audit, current, input.dispatchAgencyId, actor));
  await tx
    .update(reports)
    .set({
      kind: input.kind,
      urgency: input.urgency,
      ...(input.exploitationForms ? { exploitationForms: input.exploitationForms } : {}),
      status: dispatched ? 'dispatched' : 'triaged',
      // A public report belongs to no agency until an operator takes it.
      ownerAgencyId: current.ownerAgencyId ?? actor.agencyId,
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(reports.id, id));
  await recordAudit(tx, audit, {
    action: 'report.triaged',
    resourceType: 'report',
    resourceId: id,
    changedFields: ['kind', 'urgency', ...(input.exploitationForms ? ['exploitationForms'] : []), 'status'],
    details: { kind: input.kind, urgency: input.urgency },
  });
}

/**
 * Sends the report (`current` loaded for 'report.dispatch') to an agency: law
 * enforcement for an emergency, or any agency for a screening interview.
 */
export async function dispatchReport(tx: Tx, audit: AuditContext, actor: Actor, current: ReportRow, input: z.infer<typeof dispatchReportBody>): Promise<void> {
  const id = current.id;
  if (current.status === 'linked') throw new AppError('CONFLICT', 'This report is already linked to a case', { reason: 'report_already_linked' });
  const agencyId =
    input.purpose === 'emergency' ? await chooseEmergencyAgency(tx, current.region, input.agencyId, 'agencyId') : await assertScreeningAgency(tx, input.agencyId);
  if (!agencyId) throw new AppError('VALIDATION_FAILED', 'No law-enforcement agency is configured', { issues: [{ field: 'agencyId', reason: 'none_available' }] });
  await createDispatch(tx, audit, { reportId: id, agencyId, purpose: input.purpose, dispatchedBy: actor.userId });
  await tx
    .update(reports)
    .set({
      status: input.purpose === 'emergency' ? 'dispatched' : 'screening_requested',
      ownerAgencyId: current.ownerAgencyId ?? actor.agencyId,
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(reports.id, id));
}

/** Closes a report (`current` loaded for 'report.close') with a reason (information given, no indicators, duplicate…). */
export async function closeReport(tx: Tx, audit: AuditContext, current: ReportRow, input: z.infer<typeof closeReportBody>): Promise<void> {
  const id = current.id;
  await tx
    .update(reports)
    .set({ status: 'closed', closureReason: input.reason, closedAt: new Date(), version: current.version + 1, updatedAt: new Date() })
    .where(eq(reports.id, id));
  await recordAudit(tx, audit, { action: 'report.closed', resourceType: 'report', resourceId: id, changedFields: ['status', 'closureReason'], details: { reason: input.reason } });
}
