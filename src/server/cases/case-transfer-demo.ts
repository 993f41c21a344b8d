import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { caseConsents, caseTransfers, cases } from '../db/schema/index.js';

/**
 * One transfer waiting in the demo: the police unit hands one of its active
 * cases without a case manager to the Ministry of Solidarity's social
 * assistance unit for case management, with the person's consent to share
 * with it. The demo case manager finds it on her home page.
 */
export async function seedTransfersDemo(tx: Tx, refs: { agencyIds: Record<string, string>; userIds: Record<string, string> }): Promise<void> {
  const police = refs.agencyIds['police'];
  const social = refs.agencyIds['social'];
  const responder = refs.userIds['responder'];
  if (!police || !social || !responder) return;
  const [kase] = await tx
    .select({ id: cases.id, openedAt: cases.openedAt })
    .from(cases)
    .where(and(eq(cases.ownerAgencyId, police), eq(cases.status, 'Active'), isNull(cases.mergedIntoCaseId), isNull(cases.caseManagerId)))
    .orderBy(asc(cases.caseNumber))
    .limit(1);
  if (!kase) return;
  await tx.insert(caseConsents).values({ caseId: kase.id, type: 'share_with_organisation', agencyId: social, method: 'signed', givenAt: new Date(`${kase.openedAt}T11:00:00Z`), recordedBy: responder });
  await tx.insert(caseTransfers).values({ caseId: kase.id, fromAgencyId: police, toAgencyId: social, reason: 'case_management', requestedBy: responder });
}
