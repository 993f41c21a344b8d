import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AgeBand, CreateScreeningInput, IndicatorAnswer, ScreeningOutcome, VulnerableGroup } from '@shared/api/screening.js';
import type { RegionCode } from '@shared/geo/regions.js';
import type { PrsGender } from '@shared/htcds/person.js';
import type { Role } from '@shared/roles.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import { agencies, cases, persons, reportDispatches, screenings, users } from '../db/schema/index.js';
import { loadScreeningInScope } from './screening-scope.js';
import type { AppContext } from '../http/app-context.js';
import type { Actor } from '../policies/authorize.js';
import { DEMO_AGENCIES } from '../demo/demo-accounts.js';
import { ensureIndicatorSet, loadCurrentIndicatorSet } from './indicator-sets.js';
import { createScreening, decideScreening } from './screening-commands.js';

const SMUGGLING = ['smg_paid_for_crossing', 'smg_chose_journey', 'smg_irregular_entry'];

/** Demo answer profiles: the "yes" answers of typical interviews (the classifier decides the outcome). */
const PROFILES: Record<string, string[]> = {
  smuggled: [...SMUGGLING, 'gen_travel_controlled'],
  smuggledExploited: [...SMUGGLING, 'gen_recruited_by_third_party', 'gen_debt_bondage', 'fl_unpaid_or_deductions', 'fl_excessive_hours'],
  negative: [],
  domestic: ['gen_recruited_by_third_party', 'gen_documents_withheld', 'dom_always_on_call', 'dom_wages_to_others', 'dom_never_out_alone'],
  domesticPartial: ['dom_no_private_space', 'fl_excessive_hours'],
  sexual: ['gen_recruited_by_third_party', 'gen_deceived_about_work', 'gen_threats_or_violence', 'sex_made_to_sell_sex', 'sex_quota_or_handover'],
  childSexual: ['child_unaccompanied', 'child_commercial_sex', 'child_adult_takes_earnings'],
  childBegging: ['child_handed_over', 'beg_hands_over_money', 'beg_dropped_and_collected'],
  childStreet: ['child_unaccompanied'],
  begging: ['gen_recruited_by_third_party', 'gen_threats_or_violence', 'beg_hands_over_money'],
  criminality: ['gen_recruited_by_third_party', 'gen_threats_or_violence', 'crim_made_to_offend', 'crim_proceeds_taken'],
  farm: ['gen_recruited_by_third_party', 'gen_housed_by_controller', 'fl_unpaid_or_deductions', 'fl_penalty_for_quitting'],
};

interface DemoInterview {
  profile: keyof typeof PROFILES;
  /** Answer "unknown" to everything not in the profile (an interview cut short). */
  cutShort?: boolean;
  ageBand: AgeBand;
  sex: PrsGender;
  nationality: string;
  language: string;
}

interface DemoCampaign {
  name: string | null;
  group: VulnerableGroup | null;
  place: string;
  region: RegionCode;
  province: string;
  daysAgo: number;
  interviews: DemoInterview[];
}

const m = (profile: keyof typeof PROFILES, nationality: string, ageBand: AgeBand = '18_24', sex: PrsGender = 'Masculine', language = 'fr'): DemoInterview => ({ profile, nationality, ageBand, sex, language });

const CAMPAIGNS: DemoCampaign[] = [
  {
    name: 'Oujda outreach among undocumented migrants (with IOM)', group: 'undocumented_migrants', place: 'Oujda – bus station and university district',
    region: 'MA-02', province: 'MA-OUJ', daysAgo: 41,
    interviews: [
      m('smuggled', 'GN'), m('smuggled', 'GN', '25_34'), m('smuggled', 'CI', '18_24', 'Feminine'), m('smuggled', 'SN', '25_34'), m('smuggled', 'ML', '18_24', 'Masculine', 'bm'),
      m('smuggled', 'CM', '25_34', 'Masculine', 'en'), m('smuggled', 'NG', '18_24', 'Feminine', 'en'), m('smuggled', 'SD', '25_34', 'Masculine', 'ar'), m('smuggled', 'GN', '15_17'),
      m('negative', 'CI', '25_34'), m('negative', 'SN', '35_49'), m('negative', 'CM', '18_24', 'Feminine', 'en'), m('negative', 'ML', '25_34', 'Masculine', 'bm'),
      { ...m('smuggled', 'GN', '18_24'), cutShort: true }, { ...m('negative', 'SD', '25_34', 'Masculine', 'ar'), cutShort: true },
      m('smuggledExploited', 'NG', '18_24', 'Feminine', 'en'), m('smuggledExploited', 'CM', '25_34'), m('domesticPartial', 'CI', '25_34', 'Feminine'),
    ],
  },
  {
    name: 'Casablanca domestic workers visits', group: 'domestic_workers', place: 'Casablanca – Anfa and Maârif districts', region: 'MA-06', province: 'MA-CAS', daysAgo: 75,
    interviews: [
      m('domestic', 'PH', '25_34', 'Feminine', 'tl'), m('domesticPartial', 'MA', '18_24', 'Feminine', 'ary'), m('negative', 'MA', '35_49', 'Feminine', 'ary'),
      m('negative', 'CI', '25_34', 'Feminine'), m('negative', 'SN', '35_49', 'Feminine'), m('domestic', 'MA', '15_17', 'Feminine', 'ary'),
    ],
  },
  {
    name: 'Tangier street children outreach', group: 'street_children', place: 'Tangier – port and medina', region: 'MA-01', province: 'MA-TNG', daysAgo: 20,
    interviews: [
      m('childBegging', 'MA', '12_14', 'Masculine', 'ary'), m('childStreet', 'MA', '15_17', 'Masculine', 'ary'), m('childStreet', 'GN', '15_17'),
      m('negative', 'MA', '12_14', 'Masculine', 'ary'), m('childSexual', 'MA', '15_17', 'Feminine', 'ary'),
    ],
  },
];

const REACTIVE: (DemoInterview & { region: RegionCode; province: string; daysAgo: number })[] = [
  { ...m('sexual', 'NG', '18_24', 'Feminine', 'en'), region: 'MA-06', province: 'MA-CAS', daysAgo: 12 },
  { ...m('begging', 'SY', '35_49', 'Feminine', 'ar'), region: 'MA-06', province: 'MA-CAS', daysAgo: 30 },
  { ...m('criminality', 'MA', '18_24', 'Masculine', 'ary'), region: 'MA-06', province: 'MA-MOH', daysAgo: 55 },
  { ...m('farm', 'MA', '25_34', 'Masculine', 'ary'), region: 'MA-09', province: 'MA-CHT', daysAgo: 95 },
  { ...m('negative', 'MA', '25_34', 'Feminine', 'ary'), region: 'MA-04', province: 'MA-RAB', daysAgo: 8 },
  { ...m('domesticPartial', 'CI', '25_34', 'Feminine'), region: 'MA-06', province: 'MA-CAS', daysAgo: 3 },
];

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Answers for an interview: its profile "yes", the rest "no" (or "unknown" when cut short). */
function answersFor(codes: readonly string[], interview: Pick<DemoInterview, 'profile' | 'cutShort'>): Record<string, IndicatorAnswer> {
  const yes = new Set(PROFILES[interview.profile]);
  return Object.fromEntries(codes.map((code) => [code, yes.has(code) ? 'yes' : interview.cutShort ? 'unknown' : 'no']));
}

const isChildBand = (band: AgeBand) => ['under_12', '12_14', '15_17'].includes(band);

/**
 * Seeds indicator set v1 and about 40 screenings by the demo first responder:
 * a proactive campaign among undocumented migrants in Oujda (MA-02), mostly
 * smuggled migrants and negatives, campaigns among domestic workers and street
 * children, reactive screenings (from reports sent to the police for screening
 * when there are some), and, when demo cases exist, one confirmed screening
 * behind each of up to six police cases. Returns the screening ids.
 */
export async function seedScreeningDemo(tx: Tx, ctx: Pick<AppContext, 'keyring'>, refs: { agencyIds?: Record<string, string>; userIds?: Record<string, string> } = {}): Promise<string[]> {
  await ensureIndicatorSet(tx);
  const set = await loadCurrentIndicatorSet(tx);
  const codes = set.indicators.map((i) => i.code);
  const policeName = DEMO_AGENCIES.find((a) => a.key === 'police')!.name;
  const agencyId = refs.agencyIds?.['police'] ?? (await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, policeName)))[0]?.id;
  const userId = refs.userIds?.['responder'] ?? (await tx.select({ id: users.id }).from(users).where(eq(users.username, 'responder')))[0]?.id;
  if (!agencyId || !userId) return [];
  const actor: Actor = { userId, username: 'responder', agencyId, roles: ['first_responder'] as Role[] };
  const audit: AuditContext = { actorUserId: userId, actorUsername: 'responder', actorAgencyId: agencyId, actorRole: 'first_responder', ip: null, userAgent: 'demo-seed' };
  const ids: string[] = [];

  async function screen(input: Omit<CreateScreeningInput, 'indicatorSetId' | 'decision'>, decide: 'confirm' | 'pending' | { outcome: ScreeningOutcome; reason: string } = 'confirm'): Promise<string> {
    const id = await createScreening(tx, actor, audit, { ...input, indicatorSetId: set.id });
    ids.push(id);
    if (decide === 'pending') return id;
    const [row] = await tx.select({ suggested: screenings.suggestedOutcome }).from(screenings).where(eq(screenings.id, id));
    const decision = decide === 'confirm' ? { outcome: row!.suggested as ScreeningOutcome, reason: null } : decide;
    await decideScreening(tx, ctx, actor, audit, await loadScreeningInScope(tx, actor, 'screening.decide', id, { forUpdate: true }), { version: 1, ...decision });
    return id;
  }
  const basics = (i: DemoInterview) => ({
    ageBand: i.ageBand, isChild: isChildBand(i.ageBand), sex: i.sex, nationality: i.nationality as CreateScreeningInput['nationality'], language: i.language as CreateScreeningInput['language'],
  });

  for (const campaign of CAMPAIGNS) {
    for (const [index, interview] of campaign.interviews.entries()) {
      await screen({
        context: 'proactive', campaignName: campaign.name, vulnerableGroup: campaign.group, place: campaign.place, region: campaign.region, province: campaign.province,
        screenedOn: isoDaysAgo(campaign.daysAgo - (index % 2)), reportId: null, answers: answersFor(codes, interview), ...basics(interview),
      });
    }
  }

  // Reactive screenings answer reports the hotline sent to the police for a screening interview.
  const requested = await tx
    .select({ reportId: reportDispatches.reportId })
    .from(reportDispatches)
    .where(and(eq(reportDispatches.agencyId, agencyId), eq(reportDispatches.purpose, 'screening')))
    .orderBy(asc(reportDispatches.dispatchedAt))
    .limit(REACTIVE.length);
  for (const [index, interview] of REACTIVE.entries()) {
    const decision = index === REACTIVE.length - 1 ? 'pending' : index === 4 ? { outcome: 'refer_for_assessment' as const, reason: 'Said little in front of the employer; to be seen again with an interpreter.' } : 'confirm';
    await screen({
      context: 'reactive', campaignName: null, vulnerableGroup: null, place: null, region: interview.region, province: interview.province,
      screenedOn: isoDaysAgo(interview.daysAgo), reportId: requested[index]?.reportId ?? null, answers: answersFor(codes, interview), ...basics(interview),
    }, decision);
  }

  await seedScreeningsBehindCases(tx, agencyId, (input) => screen(input));
  return ids;
}

const PROFILE_BY_FORM: Record<string, [adult: keyof typeof PROFILES, child: keyof typeof PROFILES]> = {
  sexual_exploitation: ['sexual', 'childSexual'],
  domestic_servitude: ['domestic', 'domestic'],
  slavery_like_practices: ['domestic', 'domestic'],
  forced_labour: ['farm', 'farm'],
  forced_begging: ['begging', 'childBegging'],
  forced_criminality: ['criminality', 'criminality'],
};

/** One confirmed screening behind each of up to six police cases without one, matching the person's basics and forms. */
async function seedScreeningsBehindCases(tx: Tx, agencyId: string, screen: (input: Omit<CreateScreeningInput, 'indicatorSetId' | 'decision'>) => Promise<string>): Promise<void> {
  const rows = await tx
    .select({ id: cases.id, openedAt: cases.openedAt, region: cases.region, province: cases.province, forms: cases.exploitationForms, age: cases.ageWhenTrafficked, sex: persons.sex, citizenships: persons.citizenships })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(eq(cases.ownerAgencyId, agencyId), isNull(cases.sourceScreeningId), inArray(cases.traffickingStatus, ['presumed', 'identified'])))
    .orderBy(asc(cases.caseNumber))
    .limit(6);
  for (const row of rows) {
    const isChild = row.age !== null && row.age < 18;
    const profiles = PROFILE_BY_FORM[row.forms[0] ?? ''] ?? ['farm', 'farm'];
    const ageBand: AgeBand = row.age === null ? 'unknown' : row.age < 15 ? '12_14' : row.age < 18 ? '15_17' : row.age < 25 ? '18_24' : row.age < 35 ? '25_34' : '35_49';
    const id = await screen({
      context: 'reactive', campaignName: null, vulnerableGroup: null, place: null, region: row.region as RegionCode | null, province: row.province,
      screenedOn: row.openedAt, reportId: null, answers: Object.fromEntries((PROFILES[profiles[isChild ? 1 : 0]] ?? []).map((c) => [c, 'yes' as const])),
      ageBand, isChild: row.age === null ? false : isChild, sex: row.sex as PrsGender, nationality: (row.citizenships[0] ?? null) as CreateScreeningInput['nationality'], language: null,
    });
    const [decided] = await tx.select({ outcome: screenings.outcome }).from(screenings).where(eq(screenings.id, id));
    // Only a victim outcome may carry a case (the table enforces it).
    if (!decided?.outcome || !['presumed_victim', 'possible_victim', 'smuggled_and_trafficked'].includes(decided.outcome)) continue;
    await tx.update(screenings).set({ caseId: row.id, version: sql`${screenings.version} + 1` }).where(eq(screenings.id, id));
    await tx.update(cases).set({ sourceScreeningId: id }).where(eq(cases.id, row.id));
  }
}
