import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { AssignableUser } from '@shared/api/cases.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { agencies, caseAssignments, users } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { wouldReachOnceAssigned } from '../policies/assignees.js';
import { notifyCaseAssigned } from '../notifications/domain-notices.js';
import type { CaseRow } from './case-scope.js';

/** How many people one answer of the picker names: enough to choose from, a search narrows the rest. */
const PICKER_LIMIT = 50;

/**
 * Who may be assigned to a case: active users, in an active agency, whose
 * roles would let them work it once assigned (policies/assignees.ts: a case
 * manager of any agency, a first responder of the owner agency), and who are
 * not assigned already. The same condition admits an assignment.
 */
function assignable(kase: CaseRow) {
  return and(
    eq(users.disabled, false),
    eq(agencies.disabled, false),
    wouldReachOnceAssigned('case.update', kase),
    sql`NOT EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${kase.id} AND ${caseAssignments.userId} = ${users.id})`,
  );
}

/** `%text%` for ILIKE, with the pattern characters the user typed taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The people a case (loaded for `case.assign`) may be assigned to, owner
 * agency first, then by agency and name; `q` matches a display name or an
 * agency name. Names and agencies only: nothing else about a user leaves here.
 */
export async function listAssignableUsers(tx: Tx, kase: CaseRow, q: string | undefined): Promise<{ items: AssignableUser[]; more: boolean }> {
  const search = q?.trim() ? or(ilike(users.displayName, containing(q.trim())), ilike(agencies.name, containing(q.trim()))) : undefined;
  const rows = await tx
    .select({ userId: users.id, displayName: users.displayName, agencyId: agencies.id, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(assignable(kase), search))
    .orderBy(desc(sql`${agencies.id} = ${kase.ownerAgencyId}`), asc(agencies.name), asc(users.displayName), asc(users.id))
    .limit(PICKER_LIMIT + 1);
  return { items: rows.slice(0, PICKER_LIMIT), more: rows.length > PICKER_LIMIT };
}

/**
 * Assigns a user to a case the caller loaded for `case.assign`, if they may
 * work it (the picker's condition); they are told, with the case number only.
 * Every refusal (unknown, disabled, wrong role, wrong agency) gives one reason,
 * so the answer says nothing more about other users.
 */
export async function assignUser(tx: Tx, actor: Actor, audit: AuditContext, kase: CaseRow, userId: string): Promise<void> {
  if (kase.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  const [user] = await tx
    .select({ id: users.id, agencyId: users.agencyId })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), eq(users.disabled, false), eq(agencies.disabled, false), wouldReachOnceAssigned('case.update', kase)));
  if (!user) {
    throw new AppError('VALIDATION_FAILED', 'This user may not work this case', { reason: 'not_assignable', issues: [{ field: 'userId', reason: 'not_assignable' }] });
  }
  const caseId = kase.id;
  const inserted = await tx.insert(caseAssignments).values({ caseId, userId, assignedBy: actor.userId }).onConflictDoNothing().returning({ userId: caseAssignments.userId });
  if (inserted.length > 0) {
    await recordAudit(tx, audit, { action: 'case.assigned', resourceType: 'case', resourceId: caseId, changedFields: ['assignments'], details: { userId, agencyId: user.agencyId } });
    await notifyCaseAssigned(tx, { caseId, userId, assignedBy: actor.userId });
  }
}

/** Removes an assignment (case loaded for `case.assign`); the user loses access at once unless another rule gives it. */
export async function unassignUser(tx: Tx, audit: AuditContext, { id: caseId }: CaseRow, userId: string): Promise<void> {
  const removed = await tx
    .delete(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, userId)))
    .returning({ userId: caseAssignments.userId });
  if (removed.length === 0) throw notFound('Assignment');
  await recordAudit(tx, audit, { action: 'case.unassigned', resourceType: 'case', resourceId: caseId, changedFields: ['assignments'], details: { userId } });
}
