import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { returnBody, ReturnPlan } from '@shared/api/care.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { openOptional, sealOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { caseReturns, reintegrationMilestones } from '../db/schema/index.js';
import { conflict } from '../http/app-error.js';

/** The case's voluntary-return plan with its reintegration milestones, or null. */
export async function loadReturnPlan(tx: Tx, keyring: Keyring, caseId: string): Promise<ReturnPlan | null> {
  const [plan] = await tx.select().from(caseReturns).where(eq(caseReturns.caseId, caseId));
  if (!plan) return null;
  const milestones = await tx.select().from(reintegrationMilestones).where(eq(reintegrationMilestones.caseId, caseId)).orderBy(asc(reintegrationMilestones.position));
  return {
    status: plan.status as ReturnPlan['status'],
    returnCountry: plan.returnCountry,
    returnDate: plan.returnDate,
    iomInvolved: plan.iomInvolved,
    note: openOptional(keyring, caseReturns.noteEnc, plan.noteEnc),
    milestones: milestones.map((m) => ({
      kind: m.kind as ReturnPlan['milestones'][number]['kind'],
      targetDate: m.targetDate,
      achievedOn: m.achievedOn,
      note: openOptional(keyring, reintegrationMilestones.noteEnc, m.noteEnc),
    })),
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/**
 * Records or replaces the return plan and its milestones (the form edits them
 * as one). `version` 0 creates; otherwise it must match (stale → 409).
 */
export async function saveReturnPlan(tx: Tx, keyring: Keyring, actorId: string, audit: AuditContext, caseId: string, input: z.output<typeof returnBody>): Promise<void> {
  const values = {
    status: input.status,
    returnCountry: input.returnCountry,
    returnDate: input.returnDate,
    iomInvolved: input.iomInvolved,
    noteEnc: sealOptional(keyring, caseReturns.noteEnc, input.note),
    updatedBy: actorId,
    updatedAt: new Date(),
  };
  if (input.version === 0) {
    const inserted = await tx.insert(caseReturns).values({ caseId, ...values }).onConflictDoNothing().returning({ caseId: caseReturns.caseId });
    if (!inserted[0]) throw conflict();
  } else {
    const updated = await tx
      .update(caseReturns)
      .set({ ...values, version: sql`${caseReturns.version} + 1` })
      .where(and(eq(caseReturns.caseId, caseId), eq(caseReturns.version, input.version)))
      .returning({ caseId: caseReturns.caseId });
    if (!updated[0]) throw conflict();
  }
  await tx.delete(reintegrationMilestones).where(eq(reintegrationMilestones.caseId, caseId));
  if (input.milestones.length > 0) {
    await tx.insert(reintegrationMilestones).values(
      input.milestones.map((m, position) => ({ caseId, kind: m.kind, targetDate: m.targetDate, achievedOn: m.achievedOn, noteEnc: sealOptional(keyring, reintegrationMilestones.noteEnc, m.note), position })),
    );
  }
  await recordAudit(tx, audit, {
    action: 'return.updated',
    resourceType: 'case',
    resourceId: caseId,
    changedFields: ['return'],
    details: { status: input.status, returnCountry: input.returnCountry, iomInvolved: input.iomInvolved, milestones: input.milestones.length },
  });
}
