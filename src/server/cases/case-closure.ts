import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { closeCaseBody, CloseCaseResult } from '@shared/api/case-closure.js';
import { OPEN_REFERRAL_STATUSES } from '@shared/api/referrals.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { cases, referrals } from '../db/schema/index.js';
import { AppError, conflict } from '../http/app-error.js';
import { cancelOpenReferralsOfCase } from '../referrals/referral-lifecycle.js';
import type { CaseRow } from './case-scope.js';

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
 * answer is 409 with reason 'open_referrals' and their count.
 *
 * `current` is the case as the caller loaded it, once, locked for update in
 * their update scope; the open referrals are counted once, under that lock, so
 * no referral can be sent between the count and the closing.
 */
export async function closeCase(tx: Tx, keyring: Keyring, audit: AuditContext, current: CaseRow, input: z.output<typeof closeCaseBody>): Promise<CloseCaseResult> {
  if (current.mergedIntoCaseId) throw new AppError('CONFLICT', 'This case was merged into another one and is read-only', { reason: 'case_merged' });
  if (CLOSED_CASE_STATUSES.includes(current.status as CaseStatus)) throw new AppError('CONFLICT', 'This case is already closed', { reason: 'case_closed' });
  if (current.version !== input.version) throw conflict();
  const open = await countOpenReferrals(tx, current.id);
  if (open > 0 && !input.cancelOpenReferrals) {
    throw new AppError('CONFLICT', 'The case still has open referrals; cancel them or close with cancelOpenReferrals', { reason: 'open_referrals', openReferrals: open });
  }
  const cancelledReferrals = open > 0 ? await cancelOpenReferralsOfCase(tx, audit, current.id) : 0;
  const [closed] = await tx
    .update(cases)
    .set({
      status: input.status,
      closedAt: new Date(),
      closureReason: input.closureReason,
      closureNoteEnc: sealOptional(keyring, cases.closureNoteEnc, input.closureNote),
      version: sql`${cases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
    .returning({ version: cases.version, status: cases.status });
  if (!closed) throw conflict();
  await recordAudit(tx, audit, {
    action: 'case.closed',
    resourceType: 'case',
    resourceId: current.id,
    changedFields: ['status', 'closedAt', 'closureReason', 'closureNote'],
    details: { fromVersion: input.version, status: input.status, reason: input.closureReason, cancelledReferrals },
  });
  return { id: current.id, ...closed, cancelledReferrals };
}
