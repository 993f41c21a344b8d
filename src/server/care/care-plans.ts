import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '@shared/roles.js';
import type { followUpBody, FollowUp, SupportPlan, supportPlanBody, supportPlanPatch } from '@shared/api/care.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { open, openOptional, seal, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseFollowUps, supportPlans, users } from '../db/schema/index.js';
import { AppError, conflict, notFound } from '../http/app-error.js';
import { can, type Actor } from '../policies/authorize.js';
import { idsInScope } from '../policies/access.js';

/** A case's support plans (HTCDS spl_), oldest first, decrypted for a reader of the case. */
export async function listSupportPlans(tx: Tx, keyring: Keyring, caseId: string): Promise<SupportPlan[]> {
  const rows = await tx.select().from(supportPlans).where(eq(supportPlans.caseId, caseId)).orderBy(asc(supportPlans.createdAt));
  return rows.map((p) => ({
    id: p.id,
    type: p.type as SupportPlan['type'],
    objectives: open(keyring, supportPlans.objectivesEnc, p.objectivesEnc),
    actionPlan: openOptional(keyring, supportPlans.actionPlanEnc, p.actionPlanEnc),
    plannedEndDate: p.plannedEndDate,
    actualEndDate: p.actualEndDate,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

/** Adds a support plan to a case already loaded in the actor's update scope. */
export async function createSupportPlan(tx: Tx, keyring: Keyring, actorId: string, audit: AuditContext, caseId: string, input: z.output<typeof supportPlanBody>): Promise<string> {
  const [row] = await tx
    .insert(supportPlans)
    .values({
      caseId,
      type: input.type,
      objectivesEnc: seal(keyring, supportPlans.objectivesEnc, input.objectives),
      actionPlanEnc: sealOptional(keyring, supportPlans.actionPlanEnc, input.actionPlan),
      plannedEndDate: input.plannedEndDate,
      actualEndDate: input.actualEndDate,
      createdBy: actorId,
    })
    .returning({ id: supportPlans.id });
  await recordAudit(tx, audit, { action: 'supportPlan.created', resourceType: 'case', resourceId: caseId, changedFields: ['supportPlans'], details: { planId: row!.id, type: input.type } });
  return row!.id;
}

/** Updates a plan against the version its editor read (stale → 409). */
export async function updateSupportPlan(tx: Tx, keyring: Keyring, audit: AuditContext, caseId: string, planId: string, input: z.output<typeof supportPlanPatch>): Promise<void> {
  const { version, objectives, actionPlan, ...plain } = input;
  const set: Partial<typeof supportPlans.$inferInsert> = { ...plain, updatedAt: new Date() };
  if (objectives !== undefined) set.objectivesEnc = seal(keyring, supportPlans.objectivesEnc, objectives);
  if (actionPlan !== undefined) set.actionPlanEnc = sealOptional(keyring, supportPlans.actionPlanEnc, actionPlan);
  const updated = await tx
    .update(supportPlans)
    .set({ ...set, version: sql`${supportPlans.version} + 1` })
    .where(and(eq(supportPlans.id, planId), eq(supportPlans.caseId, caseId), eq(supportPlans.version, version)))
    .returning({ id: supportPlans.id });
  if (!updated[0]) {
    const [exists] = await tx.select({ id: supportPlans.id }).from(supportPlans).where(and(eq(supportPlans.id, planId), eq(supportPlans.caseId, caseId)));
    throw exists ? conflict() : notFound('Support plan');
  }
  await recordAudit(tx, audit, { action: 'supportPlan.updated', resourceType: 'case', resourceId: caseId, changedFields: Object.keys(input).filter((k) => k !== 'version'), details: { planId } });
}

/** A case's follow-ups, open ones by due date first, with overdue computed against `today`. */
export async function listFollowUps(tx: Tx, keyring: Keyring, caseId: string, today = new Date().toISOString().slice(0, 10)): Promise<FollowUp[]> {
  const rows = await tx
    .select({ f: caseFollowUps, assigneeName: users.displayName })
    .from(caseFollowUps)
    .leftJoin(users, eq(users.id, caseFollowUps.assigneeId))
    .where(eq(caseFollowUps.caseId, caseId))
    .orderBy(sql`${caseFollowUps.doneAt} IS NOT NULL`, asc(caseFollowUps.dueDate));
  return rows.map(({ f, assigneeName }) => ({
    id: f.id,
    dueDate: f.dueDate,
    purpose: open(keyring, caseFollowUps.purposeEnc, f.purposeEnc),
    assigneeId: f.assigneeId,
    assigneeName,
    doneAt: f.doneAt?.toISOString() ?? null,
    outcomeNote: openOptional(keyring, caseFollowUps.outcomeNoteEnc, f.outcomeNoteEnc),
    overdue: !f.doneAt && f.dueDate < today,
  }));
}

/**
 * Whether `userId` may work the case: an active user whose roles grant
 * follow-up work and whose case scope reaches this case, decided by the same
 * grant table and SQL scope that admit the author (rules.ts, policies/access/cases.ts).
 */
async function mayWorkCase(tx: Tx, userId: string, caseId: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id, username: users.username, agencyId: users.agencyId, roles: users.roles })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  if (!user) return false;
  const assignee: Actor = { userId: user.id, username: user.username, agencyId: user.agencyId, roles: user.roles as Role[] };
  if (!can(assignee, 'followUp.manage')) return false;
  return (await idsInScope(tx, assignee, 'case.update', 'case', [caseId])).has(caseId);
}

/**
 * Schedules a follow-up. Its assignee is told the case number when it falls
 * due, so it must be someone who may work the case; every refusal (unknown,
 * disabled, wrong role, out of scope) gives the same reason, so the answer
 * says nothing about other users.
 */
export async function createFollowUp(tx: Tx, keyring: Keyring, actorId: string, audit: AuditContext, caseId: string, input: z.output<typeof followUpBody>): Promise<string> {
  if (input.assigneeId && input.assigneeId !== actorId && !(await mayWorkCase(tx, input.assigneeId, caseId))) {
    throw new AppError('VALIDATION_FAILED', 'The assignee must be someone who may work this case', { issues: [{ field: 'assigneeId', reason: 'cannot_work_case' }] });
  }
  const [row] = await tx
    .insert(caseFollowUps)
    .values({ caseId, dueDate: input.dueDate, purposeEnc: seal(keyring, caseFollowUps.purposeEnc, input.purpose), assigneeId: input.assigneeId ?? actorId, createdBy: actorId })
    .returning({ id: caseFollowUps.id });
  await recordAudit(tx, audit, { action: 'followUp.created', resourceType: 'case', resourceId: caseId, changedFields: ['followUps'], details: { followUpId: row!.id, dueDate: input.dueDate } });
  return row!.id;
}

/** Marks a follow-up done (once; a done follow-up answers 409). */
export async function completeFollowUp(tx: Tx, keyring: Keyring, actorId: string, audit: AuditContext, caseId: string, followUpId: string, outcomeNote: string | null): Promise<void> {
  const updated = await tx
    .update(caseFollowUps)
    .set({ doneAt: new Date(), doneBy: actorId, outcomeNoteEnc: sealOptional(keyring, caseFollowUps.outcomeNoteEnc, outcomeNote) })
    .where(and(eq(caseFollowUps.id, followUpId), eq(caseFollowUps.caseId, caseId), isNull(caseFollowUps.doneAt)))
    .returning({ id: caseFollowUps.id });
  if (!updated[0]) {
    const [exists] = await tx.select({ id: caseFollowUps.id }).from(caseFollowUps).where(and(eq(caseFollowUps.id, followUpId), eq(caseFollowUps.caseId, caseId)));
    throw exists ? new AppError('CONFLICT', 'This follow-up is already done', { reason: 'follow_up_done' }) : notFound('Follow-up');
  }
  await recordAudit(tx, audit, { action: 'followUp.completed', resourceType: 'case', resourceId: caseId, changedFields: ['followUps'], details: { followUpId } });
}
