import { sql } from 'drizzle-orm';
import type { CreateReferralInput, ShareableField } from '@shared/api/referrals.js';
import { createReferralBody } from '@shared/api/referrals.js';
import type { ServiceType } from '@shared/api/providers.js';
import type { Role } from '@shared/roles.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../http/app-context.js';
import type { Actor } from '../policies/authorize.js';
import { createFollowUp, createSupportPlan } from '../care/care-plans.js';
import { recordServiceOnCase, recordServiceOnReferral } from '../care/services-delivered.js';
import { saveReturnPlan } from '../care/voluntary-return.js';
import { closeCase } from '../cases/case-closure.js';
import { loadCaseInScope } from '../cases/case-scope.js';
import { referCase } from './refer-case.js';
import { transitionReferral } from './referral-lifecycle.js';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
const dayAgo = (days: number) => ago(days * 24).toISOString().slice(0, 10);

interface DemoCase { id: string; ownerAgencyId: string; createdBy: string; caseManagerId: string | null; version: number; foreign: boolean; citizenship: string }
type Stage = 'overdue' | 'waiting' | 'in_progress' | 'completed' | 'declined' | 'cancelled' | 'override';

/** Who plays each part in the demo pathway (demo users by username). */
async function demoActors(tx: Tx) {
  const rows = await tx.execute<{ username: string; id: string; agency_id: string; roles: Role[] }>(
    sql`SELECT username, id, agency_id, roles FROM users WHERE username IN ('responder', 'casemanager', 'shelter', 'legalaid')`,
  );
  const actor = (username: string): Actor | undefined => {
    const u = rows.rows.find((r) => r.username === username);
    return u && { userId: u.id, username: u.username, agencyId: u.agency_id, roles: u.roles };
  };
  return { responder: actor('responder'), manager: actor('casemanager'), shelter: actor('shelter'), legalaid: actor('legalaid') };
}

const auditOf = (actor: Actor): AuditContext => ({ actorUserId: actor.userId, actorUsername: actor.username, actorAgencyId: actor.agencyId, actorRole: actor.roles.join(','), ip: null, userAgent: 'demo-seed' });

/** The first active provider of `agencyId` offering `service`. */
async function providerOf(tx: Tx, agencyId: string | undefined, service: ServiceType): Promise<string | undefined> {
  if (!agencyId) return undefined;
  const rows = await tx.execute<{ id: string }>(sql`SELECT p.id FROM service_providers p JOIN provider_services s ON s.provider_id = p.id
    WHERE p.agency_id = ${agencyId} AND s.service_type = ${service} AND p.active ORDER BY p.name LIMIT 1`);
  return rows.rows[0]?.id;
}

/** Makes sure the victim consented to sharing with the receiver (the demo shows consented referrals). */
async function ensureConsent(tx: Tx, c: DemoCase, agencyId: string, recordedBy: string): Promise<void> {
  await tx.execute(sql`INSERT INTO case_consents (case_id, type, agency_id, method, given_at, recorded_by)
    SELECT ${c.id}, 'share_with_organisation', ${agencyId}, 'signed', now() - interval '30 days', ${recordedBy}
    WHERE NOT EXISTS (SELECT 1 FROM case_consents WHERE case_id = ${c.id} AND type = 'share_with_organisation' AND agency_id = ${agencyId} AND revoked_at IS NULL)`);
}

function body(providerId: string, serviceType: ServiceType, urgency: CreateReferralInput['urgency'], fields: ShareableField[], needs: string): ReturnType<typeof createReferralBody.parse> {
  return createReferralBody.parse({ providerId, serviceType, urgency, reason: 'AdditionalServicesRequired', reasonDetails: needs, sharedFields: fields, needsSummary: needs });
}

/**
 * Seeds referrals for open demo cases in every stage, through the real
 * commands (consent check, snapshot encryption, audit, notifications): some
 * overdue, some waiting, one accepted by the shelter with services delivered, a
 * support plan and follow-ups (one overdue), a completed legal-aid referral, a
 * declined and a cancelled one, an emergency override awaiting review, and one
 * foreign victim's case closed after a voluntary return with IOM. Consents are
 * created first where the cases demo did not give them. Needs the providers and
 * cases demos to have run. Returns the referral ids.
 */
export async function seedReferralsDemo(tx: Tx, ctx: Pick<AppContext, 'keyring'>, refs: { agencyIds?: Record<string, string> } = {}): Promise<string[]> {
  const { responder, manager, shelter, legalaid } = await demoActors(tx);
  if (!responder || !manager || !shelter || !legalaid) return [];
  const agency = async (name: string) => refs.agencyIds?.[name] ?? (await tx.execute<{ id: string }>(sql`SELECT id FROM agencies WHERE name = ${name}`)).rows[0]?.id;
  const iomAgency = await agency('IOM Morocco');
  const shelterProvider = await providerOf(tx, shelter.agencyId, 'shelter');
  const psychosocialProvider = await providerOf(tx, shelter.agencyId, 'psychosocial');
  const legalProvider = await providerOf(tx, legalaid.agencyId, 'legal_aid');
  const iomProvider = await providerOf(tx, iomAgency, 'voluntary_return');
  if (!shelterProvider || !legalProvider || !psychosocialProvider) return [];

  const found = await tx.execute<{ id: string; owner_agency_id: string; created_by: string; case_manager_id: string | null; version: number; citizenship: string | null }>(sql`
    SELECT c.id, c.owner_agency_id, c.created_by, c.case_manager_id, c.version, p.citizenships[1] AS citizenship
      FROM cases c JOIN persons p ON p.id = c.person_id
     WHERE c.status IN ('Active', 'FollowUp') AND c.merged_into_case_id IS NULL AND c.trafficking_status IN ('presumed', 'identified')
       AND (c.owner_agency_id = ${responder.agencyId} OR c.created_by = ${manager.userId} OR c.case_manager_id = ${manager.userId})
     ORDER BY c.case_number`);
  const cases: DemoCase[] = found.rows.map((r) => ({
    id: r.id, ownerAgencyId: r.owner_agency_id, createdBy: r.created_by, caseManagerId: r.case_manager_id, version: r.version,
    foreign: (r.citizenship ?? 'MA') !== 'MA', citizenship: r.citizenship ?? 'MA',
  }));
  const workerOf = (c: DemoCase) => (c.ownerAgencyId === responder.agencyId ? responder : manager);
  const ids: string[] = [];

  const refer = async (c: DemoCase, providerId: string, receiverAgencyId: string, input: ReturnType<typeof body>, sentHoursAgo: number, consent = true) => {
    const worker = workerOf(c);
    if (consent) await ensureConsent(tx, c, receiverAgencyId, worker.userId);
    const { id } = await referCase(tx, ctx, worker, auditOf(worker), c.id, input, ago(sentHoursAgo));
    ids.push(id);
    return id;
  };
  const move = (actor: Actor, id: string, transition: 'accept' | 'start' | 'complete', hoursAgo: number) =>
    transitionReferral(tx, ctx.keyring, actor, auditOf(actor), id, { transition }, ago(hoursAgo));

  // Keep a foreign victim's case for the voluntary return; the others take the stages in order.
  const returning = cases.find((c) => c.foreign);
  const queue = cases.filter((c) => c !== returning);
  const stages: Stage[] = ['overdue', 'overdue', 'waiting', 'in_progress', 'completed', 'declined', 'cancelled', 'override'];
  for (const [i, stage] of stages.entries()) {
    const c = queue[i];
    if (!c) break;
    const worker = workerOf(c);
    if (stage === 'overdue') {
      const emergency = i === 0;
      await refer(c, emergency ? shelterProvider : legalProvider, emergency ? shelter.agencyId : legalaid.agencyId,
        body(emergency ? shelterProvider : legalProvider, emergency ? 'shelter' : 'legal_aid', emergency ? 'emergency' : 'routine', ['sex', 'birth_year', 'languages', 'needs_summary'], emergency ? 'Needs a safe place tonight.' : 'Needs a lawyer for the civil-party claim.'),
        emergency ? 5 : 96);
    } else if (stage === 'waiting') {
      await refer(c, shelterProvider, shelter.agencyId, body(shelterProvider, 'shelter', 'urgent', ['sex', 'birth_year', 'languages', 'needs_summary'], 'Accommodation after medical discharge.'), 1);
    } else if (stage === 'in_progress') {
      const id = await refer(c, shelterProvider, shelter.agencyId, body(shelterProvider, 'shelter', 'urgent', ['given_name_latin', 'sex', 'birth_year', 'languages', 'needs_summary', 'risk_level'], 'Safe accommodation with her child; psychosocial support.'), 24 * 12);
      await move(shelter, id, 'accept', 24 * 12 - 3);
      await move(shelter, id, 'start', 24 * 11);
      await recordServiceOnReferral(tx, ctx.keyring, shelter, auditOf(shelter), id, { startDate: dayAgo(11), endDate: null, outcome: 'ongoing', note: 'Admitted; room shared with her child.' });
      await createSupportPlan(tx, ctx.keyring, worker.userId, auditOf(worker), c.id, { type: 'SocialCare', objectives: 'Stable accommodation and psychosocial recovery.', actionPlan: 'Weekly psychologist sessions; school enrolment for the child.', plannedEndDate: dayAgo(-90), actualEndDate: null });
      await createSupportPlan(tx, ctx.keyring, worker.userId, auditOf(worker), c.id, { type: 'Legal', objectives: 'Civil-party claim in the trafficking proceedings.', actionPlan: null, plannedEndDate: dayAgo(-180), actualEndDate: null });
      await createFollowUp(tx, ctx.keyring, worker.userId, auditOf(worker), c.id, { dueDate: dayAgo(5), purpose: 'Visit at the shelter to review the support plan.', assigneeId: worker.userId });
      await createFollowUp(tx, ctx.keyring, worker.userId, auditOf(worker), c.id, { dueDate: dayAgo(-14), purpose: 'Check school enrolment.', assigneeId: worker.userId });
    } else if (stage === 'completed') {
      const id = await refer(c, legalProvider, legalaid.agencyId, body(legalProvider, 'legal_aid', 'routine', ['given_name_latin', 'family_name_latin', 'sex', 'exploitation_types', 'needs_summary'], 'Legal advice before the hearing.'), 24 * 40);
      await move(legalaid, id, 'accept', 24 * 40 - 20);
      await move(legalaid, id, 'start', 24 * 39);
      await recordServiceOnReferral(tx, ctx.keyring, legalaid, auditOf(legalaid), id, { startDate: dayAgo(39), endDate: dayAgo(10), outcome: 'completed', note: 'Represented at the first-instance hearing.' });
      await move(legalaid, id, 'complete', 24 * 10);
    } else if (stage === 'declined') {
      const id = await refer(c, psychosocialProvider, shelter.agencyId, body(psychosocialProvider, 'psychosocial', 'routine', ['sex', 'languages', 'needs_summary'], 'Counselling in Darija.'), 24 * 6);
      await transitionReferral(tx, ctx.keyring, shelter, auditOf(shelter), id, { transition: 'decline', body: { reason: 'target_group_not_served', note: 'We only counsel women and children.' } }, ago(24 * 5));
    } else if (stage === 'cancelled') {
      const id = await refer(c, legalProvider, legalaid.agencyId, body(legalProvider, 'legal_aid', 'routine', ['sex', 'needs_summary'], 'Residence papers.'), 24 * 20);
      await transitionReferral(tx, ctx.keyring, worker, auditOf(worker), id, { transition: 'cancel', body: { note: 'The victim chose another lawyer.' } }, ago(24 * 19));
    } else {
      // Risk to life without the victim's consent to this organisation: the override.
      await tx.execute(sql`UPDATE case_consents SET revoked_at = now(), revoked_by = ${worker.userId} WHERE case_id = ${c.id} AND type = 'share_with_organisation' AND agency_id = ${legalaid.agencyId} AND revoked_at IS NULL`);
      const input = { ...body(legalProvider, 'legal_aid', 'emergency', ['given_name_latin', 'phone', 'needs_summary'], 'Urgent protection order.'), override: { reason: 'risk_to_life' as const, justification: 'Threats received this morning; the victim is unreachable to consent in time.' } };
      await refer(c, legalProvider, legalaid.agencyId, input, 30, false);
    }
  }

  // A foreign victim returned home with IOM: referral completed, services, return plan, case closed.
  if (returning && iomProvider && iomAgency) {
    const worker = workerOf(returning);
    const id = await refer(returning, iomProvider, iomAgency, body(iomProvider, 'voluntary_return', 'routine', ['given_name_latin', 'family_name_latin', 'citizenships', 'languages', 'needs_summary'], 'Wishes to return home; family traced.'), 24 * 75);
    // IOM has no demo account: its answers are recorded as they would arrive (no responding user).
    await tx.execute(sql`UPDATE referrals SET status = 'completed', accepted_at = sent_at + interval '26 hours', started_at = sent_at + interval '3 days', completed_at = now() - interval '20 days' WHERE id = ${id}`);
    await recordServiceOnCase(tx, ctx.keyring, worker, auditOf(worker), returning.id, { serviceType: 'voluntary_return', providerId: iomProvider, startDate: dayAgo(70), endDate: dayAgo(21), outcome: 'completed', note: 'Travel documents, flight and reception on arrival.' });
    await saveReturnPlan(tx, ctx.keyring, worker.userId, auditOf(worker), returning.id, {
      status: 'completed', returnCountry: returning.citizenship as never, returnDate: dayAgo(21), iomInvolved: true, note: 'Returned with IOM assisted voluntary return.', version: 0,
      milestones: [
        { kind: 'reception_on_arrival', targetDate: dayAgo(21), achievedOn: dayAgo(21), note: null },
        { kind: 'family_reunification', targetDate: dayAgo(14), achievedOn: dayAgo(15), note: null },
        { kind: 'vocational_training', targetDate: dayAgo(-60), achievedOn: null, note: 'Tailoring course with the IOM partner.' },
      ],
    });
    const toClose = await loadCaseInScope(tx, worker, 'case.update', returning.id, { forUpdate: true });
    await closeCase(tx, ctx.keyring, auditOf(worker), toClose, { version: returning.version, status: 'Closed', closureReason: 'VoluntaryReturnCompleted', closureNote: 'Returned home; reintegration followed by IOM.', cancelOpenReferrals: true });
  }
  return ids;
}
