import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { OPEN_REFERRAL_STATUSES, type closeCaseBody } from '@shared/api/referrals.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import type { AppContext } from '../http/app-context.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { updateCase } from '../cases/case-commands.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { cancelOpenReferralsOfCase } from './referral-lifecycle.js';

/** How many referrals of the case are still open (sent, accepted or in progress). */
export async function countOpenReferrals(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(referrals).where(and(eq(referrals.caseId, caseId), inArray(referrals.status, [...OPEN_REFERRAL_STATUSES])));
  return row!.n;
}

/**
 * Closes a case with a reason (HTCDS cas_ReasonForCaseClosure codes). Decision:
 * a case with open referrals does not close silently, because a provider would
 * keep serving (and holding data about) a closed case. The caller either
 * cancels them first or passes `cancelOpenReferrals`, which cancels them in the
 * same transaction (beds released, each cancellation audited). Without it the
 * answer is 409 with reason 'open_referrals' and their count. The status change
 * itself goes through the cases module's updateCase (version check, audit).
 */
export async function closeCase(
  tx: Tx,
  ctx: Pick<AppContext, 'keyring'>,
  actor: Actor,
  audit: AuditContext,
  caseId: string,
  input: z.output<typeof closeCaseBody>,
): Promise<{ version: number; status: string; cancelledReferrals: number }> {
  const current = await loadCaseInScope(tx, actor, 'case.update', caseId, { forUpdate: true });
  if (CLOSED_CASE_STATUSES.includes(current.status as CaseStatus)) throw new AppError('CONFLICT', 'This case is already closed', { reason: 'already_closed' });
  if (current.version !== input.version) throw new AppError('CONFLICT', 'This record was changed by someone else; reload it and try again');
  const open = await countOpenReferrals(tx, caseId);
  if (open > 0 && !input.cancelOpenReferrals) {
    throw new AppError('CONFLICT', 'The case still has open referrals; cancel them or close with cancelOpenReferrals', { reason: 'open_referrals', openReferrals: open });
  }
  const cancelledReferrals = open > 0 ? await cancelOpenReferralsOfCase(tx, audit, caseId) : 0;
  await updateCase(tx, ctx, actor, audit, caseId, { version: input.version, status: input.status, closureReason: input.closureReason, closureNote: input.closureNote });
  await recordAudit(tx, audit, { action: 'case.closed', resourceType: 'case', resourceId: caseId, changedFields: ['status', 'closureReason'], details: { status: input.status, reason: input.closureReason, cancelledReferrals } });
  const [row] = await tx.select({ version: cases.version, status: cases.status }).from(cases).where(eq(cases.id, caseId));
  return { ...row!, cancelledReferrals };
}
