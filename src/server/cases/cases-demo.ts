import { inArray } from 'drizzle-orm';
import type { CreateCaseInput } from '@shared/api/cases.js';
import { REGIONS } from '@shared/geo/regions.js';
import type { CountryCode } from '@shared/htcds/countries.js';
import type { CaseClosureReason, CaseStatus } from '@shared/htcds/case.js';
import { CONTROL_METHODS, RECRUITMENT_METHODS, type ExploitationForm } from '@shared/htcds/victim.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { agencies, caseAssignments, caseConsents, cases, traffickingEvents, users } from '../db/schema/index.js';
import type { AppContext } from '../http/app-context.js';
import type { Actor } from '../policies/authorize.js';
import type { Role } from '@shared/roles.js';
import { DEMO_AGENCIES } from '../demo/demo-accounts.js';
import { seal } from '../crypto/encrypted-columns.js';
import { createCase } from './case-commands.js';
import { DEMO_PEOPLE, type DemoPerson } from './cases-demo-people.js';

/** Ids the demo cases hang on: demo agencies by their key, demo users by username (looked up when omitted). */
export interface CasesDemoRefs {
  agencyIds?: Record<string, string>;
  userIds?: Record<string, string>;
}

/** Deterministic PRNG (mulberry32): the same demo, and stable tests, on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Forms weighted roughly like the TIP 2023 figures (sex, slavery-like, forced labour first).
const FORMS: ExploitationForm[][] = [
  ['sexual_exploitation'], ['sexual_exploitation'], ['sexual_exploitation'], ['slavery_like_practices'], ['domestic_servitude', 'slavery_like_practices'],
  ['forced_labour'], ['forced_labour'], ['forced_begging'], ['forced_criminality'], ['sexual_exploitation', 'forced_labour'],
];
const STATUSES: [CaseStatus, CaseClosureReason | null][] = [
  ['Active', null], ['Active', null], ['Active', null], ['FollowUp', null], ['FollowUp', null], ['Closed', 'ReintegrationCompleted'], ['ClosedReferred', 'ReferredToAnotherOrganisation'], ['Closed', 'VoluntaryReturnCompleted'],
];
const FOREIGN_ROUTE: Record<string, CountryCode[]> = { NG: ['NE', 'DZ'], CM: ['NG', 'NE', 'DZ'], CI: ['ML', 'DZ'], SN: ['MR'], GN: ['ML', 'DZ'], GH: ['BF', 'NE', 'DZ'], ML: ['DZ'], SY: ['DZ'], PH: ['AE'] };

async function loadRefs(tx: Tx, refs: CasesDemoRefs): Promise<{ agencyIds: Record<string, string>; userIds: Record<string, string> }> {
  const agencyIds = refs.agencyIds ?? {};
  if (!refs.agencyIds) {
    const rows = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.name, DEMO_AGENCIES.map((a) => a.name)));
    for (const a of DEMO_AGENCIES) {
      const row = rows.find((r) => r.name === a.name);
      if (row) agencyIds[a.key] = row.id;
    }
  }
  const userIds = refs.userIds ?? {};
  if (!refs.userIds) {
    for (const row of await tx.select({ id: users.id, username: users.username }).from(users)) userIds[row.username] = row.id;
  }
  return { agencyIds, userIds };
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Seeds ~36 demo victim cases through the real createCase command (so names
 * are encrypted and indexed as in production): nationals and foreigners,
 * every region, form of exploitation and status, with consents, trafficking
 * events, assignments to 'casemanager', and one Arabic/Latin duplicate pair
 * across agencies. Returns the case ids in creation order.
 */
export async function seedCasesDemo(tx: Tx, ctx: Pick<AppContext, 'keyring'>, refs: CasesDemoRefs = {}): Promise<string[]> {
  const { agencyIds, userIds } = await loadRefs(tx, refs);
  const random = prng(20_260_301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const responder: Actor = { userId: userIds['responder']!, username: 'responder', agencyId: agencyIds['police']!, roles: ['first_responder'] as Role[] };
  const manager: Actor = { userId: userIds['casemanager']!, username: 'casemanager', agencyId: agencyIds['social']!, roles: ['case_manager'] as Role[] };
  const auditOf = (actor: Actor): AuditContext => ({ actorUserId: actor.userId, actorUsername: actor.username, actorAgencyId: actor.agencyId, actorRole: actor.roles.join(','), ip: null, userAgent: 'demo-seed' });

  const people: DemoPerson[] = [
    ...DEMO_PEOPLE,
    { given: '', family: '', givenAr: 'محمد', familyAr: 'العلوي', sex: 'Masculine', citizenship: 'MA', languages: ['ar'] },
    { given: 'Mohamed', family: 'Alaoui', sex: 'Masculine', citizenship: 'MA', languages: ['ar', 'fr'] },
  ];
  const ids: string[] = [];
  // Each case goes through createCase (encrypted, indexed, audited, duplicates checked); what follows it is collected.
  const statusGroups = new Map<string, { status: CaseStatus; closureReason: CaseClosureReason | null; caseIds: string[] }>();
  const assignmentRows: (typeof caseAssignments.$inferInsert)[] = [];
  const consentRows: (typeof caseConsents.$inferInsert)[] = [];
  const eventRows: (typeof traffickingEvents.$inferInsert)[] = [];
  for (const [index, person] of people.entries()) {
    const national = person.citizenship === 'MA';
    const isDuplicateSecond = index === people.length - 1;
    const owner = isDuplicateSecond || index % 3 === 2 ? manager : responder;
    const region = REGIONS[index % REGIONS.length]!;
    const forms = pick(FORMS);
    const age = national && random() < 0.4 ? 12 + Math.floor(random() * 6) : 18 + Math.floor(random() * 22);
    const birthYear = index >= people.length - 2 ? 1995 : new Date().getUTCFullYear() - age - 1;
    const openedDaysAgo = Math.floor(random() * 700);
    const [status, closureReason] = pick(STATUSES);
    const input: CreateCaseInput = {
      person: {
        givenNameLatin: person.given || null,
        familyNameLatin: person.family || null,
        givenNameAr: person.givenAr ?? null,
        familyNameAr: person.familyAr ?? null,
        birthYear,
        birthYearEstimated: random() < 0.5,
        sex: person.sex,
        citizenships: [person.citizenship],
        languages: person.languages,
        identityDocuments: random() < 0.6 ? [{ type: national ? 'NationalIdCard' : 'Passport', number: `${person.citizenship}${100000 + index * 7919}`, issuingCountry: person.citizenship }] : [],
        contact: { phone: random() < 0.5 ? `+212 6${String(10_000_000 + index * 104_729).slice(0, 8)}` : null, email: null, address: null },
      },
      openedAt: isoDaysAgo(openedDaysAgo),
      region: region.code,
      province: pick(region.provinces).code,
      traffickingStatus: pick(['possible', 'presumed', 'presumed', 'identified', 'identified'] as const),
      exploitationForms: forms,
      ageWhenTrafficked: Math.max(8, age - Math.floor(random() * 3)),
      relationshipToTrafficker: pick(['Familial', 'Acquainted', 'Unaquainted'] as const),
      recruitmentMethods: [pick(RECRUITMENT_METHODS)],
      recruitmentWebsites: random() < 0.35 ? [pick(['Facebook', 'WhatsApp', 'TikTok', 'Instagram', 'Telegram'] as const)] : [],
      controlMethods: [pick(CONTROL_METHODS), pick(CONTROL_METHODS)].filter((v, i, all) => all.indexOf(v) === i),
      forcedLabourIndustry: forms.includes('forced_labour') ? pick(['A_AgricultureForestryAndFishing', 'F_Construction', 'T_ActivitiesOfHouseholdsAsEmployers', 'I_AccommodationAndFoodServiceActivities'] as const) : null,
      sexExploitationTypes: forms.includes('sexual_exploitation') ? [pick(['Prostitution', 'PrivateSexualServices', 'RemoteInteractiveServices'] as const)] : [],
      traffickingScope: national && random() < 0.8 ? 'domestic' : 'transnational',
      migrantStatus: national ? 'national' : pick(['irregular_migrant', 'irregular_migrant', 'asylum_seeker', 'refugee', 'unaccompanied_child'] as const),
      riskLevel: pick(['low', 'medium', 'high', 'critical'] as const),
      riskAssessment: 'Risk assessed at intake; safety plan agreed with the victim.',
      reflectionStart: isoDaysAgo(openedDaysAgo),
      reflectionEnd: isoDaysAgo(openedDaysAgo - 30),
      nonPunishment: !national && random() < 0.4,
      nonPunishmentGround: null,
      caseManagerId: owner === manager || random() < 0.5 ? manager.userId : null,
    };
    if (input.nonPunishment) input.nonPunishmentGround = 'immigration_proceedings';
    const { id } = await createCase(tx, ctx, owner, auditOf(owner), input);
    ids.push(id);

    if (status !== 'Active') {
      const key = `${status}/${closureReason}`;
      const group = statusGroups.get(key) ?? { status, closureReason, caseIds: [] };
      group.caseIds.push(id);
      statusGroups.set(key, group);
    }
    if (owner === responder && input.caseManagerId) {
      assignmentRows.push({ caseId: id, userId: manager.userId, assignedBy: responder.userId });
    }
    const givenAt = new Date(`${input.openedAt}T10:00:00Z`);
    const method = age < 18 ? 'guardian' : pick(['signed', 'verbal_with_witness'] as const);
    consentRows.push(
      { caseId: id, type: 'services', agencyId: null, method, givenAt, recordedBy: owner.userId },
      { caseId: id, type: 'anonymised_statistics', agencyId: null, method, givenAt, recordedBy: owner.userId },
    );
    if (random() < 0.6) consentRows.push({ caseId: id, type: 'share_with_organisation', agencyId: agencyIds['shelter']!, method, givenAt, recordedBy: owner.userId });
    if (random() < 0.4) consentRows.push({ caseId: id, type: 'share_with_organisation', agencyId: agencyIds['legalaid']!, method, givenAt, recordedBy: owner.userId });

    const route = national ? [] : (FOREIGN_ROUTE[person.citizenship] ?? []);
    const events: Pick<typeof traffickingEvents.$inferInsert, 'type' | 'country' | 'region'>[] = [
      { type: 'Recruitment', country: person.citizenship, region: national ? pick(REGIONS).code : null },
      ...route.map((country) => ({ type: 'Transit' as const, country, region: null })),
      { type: 'Exploitation', country: 'MA', region: region.code },
    ];
    eventRows.push(
      ...events.map((e, i) => ({
        caseId: id,
        type: e.type,
        country: e.country,
        region: e.region,
        startDate: isoDaysAgo(openedDaysAgo + 400 - i * 60),
        descriptionEnc: i === 0 ? seal(ctx.keyring, traffickingEvents.descriptionEnc, 'Promised a job by an acquaintance.') : null,
        createdBy: owner.userId,
      })),
    );
  }
  // Written after the loop: one statement per table (and per closing status) instead of up to four per case.
  for (const group of statusGroups.values()) {
    await tx.update(cases).set({ status: group.status, closureReason: group.closureReason, closedAt: group.closureReason ? new Date() : null }).where(inArray(cases.id, group.caseIds));
  }
  if (assignmentRows.length) await tx.insert(caseAssignments).values(assignmentRows);
  await tx.insert(caseConsents).values(consentRows);
  await tx.insert(traffickingEvents).values(eventRows);
  return ids;
}
