import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Keyring } from '../crypto/keyring.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { agencies, caseMergeRequests, cases } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { inScope } from '../policies/access.js';
import { loadCaseInScope, type CaseRow } from './case-scope.js';
import { findDuplicateCandidates } from './duplicates.js';

const sources = alias(cases, 'source_case');
const targets = alias(cases, 'target_case');

/**
 * Asks the owner of `targetCaseId` to absorb the actor's case `source` (loaded
 * for `case.requestMerge`: the same person registered twice). The target must be one of the source's
 * duplicate candidates, so this cannot be used to probe arbitrary case ids.
 */
export async function requestMerge(tx: Tx, keyring: Keyring, actor: Actor, audit: AuditContext, source: CaseRow, targetCaseId: string): Promise<string> {
  const sourceCaseId = source.id;
  if (source.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was already merged', { reason: 'case_merged' });
  const candidates = await findDuplicateCandidates(tx, keyring, actor, sourceCaseId);
  if (!candidates.some((c) => c.caseId === targetCaseId)) throw notFound('Duplicate candidate');
  const [row] = await tx
    .insert(caseMergeRequests)
    .values({ sourceCaseId, targetCaseId, requestedBy: actor.userId, requestingAgencyId: actor.agencyId })
    .onConflictDoNothing()
    .returning({ id: caseMergeRequests.id });
  if (!row) throw new AppError('CONFLICT', 'A merge request for these cases is already pending', { reason: 'merge_already_requested' });
  await recordAudit(tx, audit, { action: 'case.mergeRequested', resourceType: 'case', resourceId: sourceCaseId, details: { requestId: row.id, targetCaseId } });
  return row.id;
}

export type MergeRequestRow = typeof caseMergeRequests.$inferSelect;

/**
 * Loads a merge request (locked) with its target case, if the actor may merge
 * into that case; a request about a case out of scope does not exist (404).
 */
export async function loadMergeRequestInScope(tx: Tx, actor: Actor, requestId: string): Promise<{ request: MergeRequestRow; target: CaseRow }> {
  const [request] = await tx.select().from(caseMergeRequests).where(eq(caseMergeRequests.id, requestId)).for('update');
  if (!request) throw notFound('Merge request');
  const target = await loadCaseInScope(tx, actor, 'case.merge', request.targetCaseId).catch(() => {
    throw notFound('Merge request');
  });
  return { request, target };
}

/**
 * Accepts or declines a pending request (loaded with loadMergeRequestInScope).
 * Accepting closes the source as a merged duplicate pointing at the target
 * (and re-points cases merged into the source), so statistics that skip merged
 * cases count the person once.
 */
export async function decideMerge(tx: Tx, actor: Actor, audit: AuditContext, { request, target }: { request: MergeRequestRow; target: CaseRow }, accept: boolean): Promise<void> {
  const requestId = request.id;
  if (request.status !== 'pending') throw new AppError('CONFLICT', 'This merge request was already decided', { reason: 'merge_already_decided' });
  if (accept) {
    if (target.mergedIntoCaseId) throw new AppError('CONFLICT', 'The target case was itself merged', { reason: 'merge_target_merged' });
    const moved = await tx
      .update(cases)
      .set({
        mergedIntoCaseId: target.id,
        status: 'Closed',
        closureReason: 'MergedDuplicate',
        closedAt: new Date(),
        version: sql`${cases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.id, request.sourceCaseId), sql`${cases.mergedIntoCaseId} IS NULL`))
      .returning({ id: cases.id });
    if (moved.length === 0) throw new AppError('CONFLICT', 'The requesting case was already merged', { reason: 'case_merged' });
    await tx.update(cases).set({ mergedIntoCaseId: target.id }).where(eq(cases.mergedIntoCaseId, request.sourceCaseId));
  }
  await tx
    .update(caseMergeRequests)
    .set({ status: accept ? 'accepted' : 'declined', decidedBy: actor.userId, decidedAt: new Date() })
    .where(eq(caseMergeRequests.id, requestId));
  await recordAudit(tx, audit, {
    action: accept ? 'case.mergeAccepted' : 'case.mergeDeclined',
    resourceType: 'case',
    resourceId: request.targetCaseId,
    changedFields: accept ? ['mergedCases'] : [],
    details: { requestId, sourceCaseId: request.sourceCaseId },
  });
}

/** Merge requests touching `caseId` (already loaded in scope), or, without it, those awaiting the actor's decision. */
export async function listMergeRequests(tx: Tx, actor: Actor, caseId?: string) {
  const where: SQL = caseId
    ? (or(eq(caseMergeRequests.sourceCaseId, caseId), eq(caseMergeRequests.targetCaseId, caseId)) as SQL)
    : (and(eq(caseMergeRequests.status, 'pending'), sql`EXISTS (SELECT 1 FROM cases WHERE cases.id = ${caseMergeRequests.targetCaseId} AND ${inScope(actor, 'case.merge', 'case')})`) as SQL);
  const rows = await tx
    .select({
      request: caseMergeRequests,
      sourceCaseNumber: sources.caseNumber,
      targetCaseNumber: targets.caseNumber,
      requestingAgencyName: agencies.name,
      canDecide: sql<boolean>`coalesce(${caseMergeRequests.status} = 'pending' AND EXISTS (SELECT 1 FROM cases WHERE cases.id = ${caseMergeRequests.targetCaseId} AND ${inScope(actor, 'case.merge', 'case')}), false)`,
    })
    .from(caseMergeRequests)
    .innerJoin(sources, eq(sources.id, caseMergeRequests.sourceCaseId))
    .innerJoin(targets, eq(targets.id, caseMergeRequests.targetCaseId))
    .innerJoin(agencies, eq(agencies.id, caseMergeRequests.requestingAgencyId))
    .where(where)
    .orderBy(desc(caseMergeRequests.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.request.id,
    sourceCaseId: r.request.sourceCaseId,
    sourceCaseNumber: r.sourceCaseNumber,
    targetCaseId: r.request.targetCaseId,
    targetCaseNumber: r.targetCaseNumber,
    requestingAgencyName: r.requestingAgencyName,
    status: r.request.status as 'pending' | 'accepted' | 'declined',
    createdAt: r.request.createdAt.toISOString(),
    decidedAt: r.request.decidedAt?.toISOString() ?? null,
    canDecide: r.canDecide,
  }));
}
