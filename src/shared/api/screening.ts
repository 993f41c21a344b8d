import { z } from 'zod';
import { ACTIONS } from '../actions.js';
import { AGENCY_TYPES } from '../agencies.js';
import { REGION_CODES } from '../geo/regions.js';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { LANGUAGE_CODES } from '../htcds/languages.js';
import { PRS_GENDERS } from '../htcds/person.js';
import { EXPLOITATION_FORMS } from '../htcds/victim.js';
import { duplicateCandidate, personInput } from './cases.js';
import { SERVICE_TYPES, type ServiceType } from './providers.js';
import { defineContract } from './contract.js';
import { isoDate, line, text, version } from './fields.js';
import { pageOf, pageQuery } from './pagination.js';

/** Where an indicator sits in the Palermo test; `smuggling` marks a consented, paid, irregular crossing. */
export const PALERMO_ELEMENTS = ['act', 'means', 'purpose', 'smuggling'] as const;
export type PalermoElement = (typeof PALERMO_ELEMENTS)[number];

/** How indicators are grouped in the interview: general, one group per form, child-specific, smuggling. */
export const INDICATOR_CATEGORIES = [
  'general', 'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'child', 'smuggling',
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const INDICATOR_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type IndicatorAnswer = (typeof INDICATOR_ANSWERS)[number];

/** Why the person was screened: a call or report (reactive), or outreach among a vulnerable group (proactive). */
export const SCREENING_CONTEXTS = ['reactive', 'proactive'] as const;
export type ScreeningContext = (typeof SCREENING_CONTEXTS)[number];

export const VULNERABLE_GROUPS = [
  'undocumented_migrants', 'domestic_workers', 'street_children', 'sex_workers', 'agricultural_workers', 'asylum_seekers_refugees', 'other',
] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

/** Age in bands only: a screening holds no identity, so no date of birth. */
export const AGE_BANDS = ['under_12', '12_14', '15_17', '18_24', '25_34', '35_49', '50_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CHILD_AGE_BANDS: readonly AgeBand[] = ['under_12', '12_14', '15_17'];

/**
 * Screening outcomes. Trafficking and smuggling are kept apart; a smuggled
 * migrant later exploited is its own outcome so that both are counted.
 */
export const SCREENING_OUTCOMES = [
  'presumed_victim', 'possible_victim', 'smuggled_and_trafficked', 'smuggled_migrant', 'not_a_victim', 'refer_for_assessment',
] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];
/** Outcomes from which a case may be opened. */
export const VICTIM_OUTCOMES: readonly ScreeningOutcome[] = ['presumed_victim', 'possible_victim', 'smuggled_and_trafficked'];

export const DECISION_STATUSES = ['pending', 'confirmed', 'overridden'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Machine-readable reasons for a suggested outcome; the UI translates them (`screening.reason.<code>`). */
export const REASON_CODES = [
  'act_found', 'means_found', 'purpose_found', 'means_not_required_child', 'strong_indicator', 'score_reached', 'score_below',
  'elements_missing', 'smuggling_found', 'no_exploitation_purpose', 'too_many_unknowns', 'no_indicators_found',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const localisedText = z.object({
  ar: text(500, 1),
  fr: text(500, 1),
  en: text(500, 1),
});
export type LocalisedText = z.infer<typeof localisedText>;

export const indicator = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,48}$/),
  category: z.enum(INDICATOR_CATEGORIES),
  element: z.enum(PALERMO_ELEMENTS),
  /** The form of exploitation a `purpose` indicator points to, if any. */
  form: z.enum(EXPLOITATION_FORMS).nullable(),
  weight: z.number().int().min(1).max(5),
  strong: z.boolean(),
  text: localisedText,
});
export type Indicator = z.infer<typeof indicator>;

export const thresholds = z.object({
  /** Score (sum of weights of "yes" act/means/purpose indicators) at which complete elements make a presumed victim. */
  presumedScore: z.number().int().min(1).max(100),
  /** Score at which partial elements make a possible victim. */
  possibleScore: z.number().int().min(1).max(100),
  /** Above this share of unanswered indicators nothing negative is concluded: refer for assessment. */
  maxUnknownShare: z.number().min(0).max(1),
});
export type Thresholds = z.infer<typeof thresholds>;

export const indicatorSet = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  thresholds,
  // As stored: texts are not re-validated on the way out.
  indicators: z.array(indicator.extend({ text: z.object({ ar: z.string(), fr: z.string(), en: z.string() }) })),
});
export type IndicatorSet = z.infer<typeof indicatorSet>;

export const indicatorSetVersion = indicatorSet.omit({ indicators: true, thresholds: true }).extend({
  indicatorCount: z.number().int(),
  screeningCount: z.number().int(),
});

/**
 * The closed list of reasons a new indicator set version is refused for (field issues of
 * VALIDATION_FAILED); the administrator's screen labels each (`screening.indicatorSet.issue.<reason>`).
 */
export const INDICATOR_SET_ISSUES = ['duplicate_code', 'missing_act', 'missing_means', 'missing_purpose', 'above_presumed', 'form_without_purpose'] as const;
export type IndicatorSetIssue = (typeof INDICATOR_SET_ISSUES)[number];

/** PUT /api/screening/indicator-sets/:id: the full new list; creates the next version (which new screenings then use). */
export const updateIndicatorSetBody = z
  .object({
    changeNote: text(1000, 3),
    thresholds,
    indicators: z.array(indicator).min(3).max(300),
  })
  .superRefine((body, ctx) => {
    const issue = (path: (string | number)[], reason: IndicatorSetIssue) => ctx.addIssue({ code: 'custom', path, message: reason });
    const seen = new Set<string>();
    body.indicators.forEach((item, i) => {
      if (seen.has(item.code)) issue(['indicators', i, 'code'], 'duplicate_code');
      seen.add(item.code);
      // A form of exploitation is what a purpose indicator points to; on any other element it would never count.
      if (item.form && item.element !== 'purpose') issue(['indicators', i, 'form'], 'form_without_purpose');
    });
    for (const element of ['act', 'means', 'purpose'] as const) {
      if (!body.indicators.some((item) => item.element === element)) issue(['indicators'], `missing_${element}`);
    }
    if (body.thresholds.possibleScore > body.thresholds.presumedScore) issue(['thresholds', 'possibleScore'], 'above_presumed');
  });
export type UpdateIndicatorSetInput = z.infer<typeof updateIndicatorSetBody>;

const personBasics = {
  ageBand: z.enum(AGE_BANDS),
  isChild: z.boolean(),
  sex: z.enum(PRS_GENDERS),
  nationality: z.enum(COUNTRY_CODES).nullable(),
  language: z.enum(LANGUAGE_CODES).nullable(),
};

const contextFields = {
  context: z.enum(SCREENING_CONTEXTS),
  campaignName: line(200, 1).nullable(),
  vulnerableGroup: z.enum(VULNERABLE_GROUPS).nullable(),
  place: line(200, 1).nullable(),
  region: z.enum(REGION_CODES).nullable(),
  province: z.string().regex(/^MA-[A-Z]{3}$/).nullable(),
};

/** POST /api/screenings: an interview, without identity. */
export const createScreeningBody = z
  .object({
    indicatorSetId: z.string().uuid(),
    ...contextFields,
    campaignName: contextFields.campaignName.default(null),
    vulnerableGroup: contextFields.vulnerableGroup.default(null),
    place: contextFields.place.default(null),
    region: contextFields.region.default(null),
    province: contextFields.province.default(null),
    screenedOn: isoDate.optional(),
    reportId: z.string().uuid().nullable().default(null),
    ...personBasics,
    nationality: personBasics.nationality.default(null),
    language: personBasics.language.default(null),
    answers: z.record(line(50), z.enum(INDICATOR_ANSWERS)),
    /**
     * The responder's decision, saved with the interview in one step: the interview shows the
     * suggestion before saving, so answers can still change until the decision is given.
     * Checked against the suggestion the server computes (an override needs a reason).
     */
    decision: z.object({ outcome: z.enum(SCREENING_OUTCOMES), reason: text(2000, 3).nullable().default(null) }).nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.context === 'proactive' && !body.campaignName) ctx.addIssue({ code: 'custom', path: ['campaignName'], message: 'required' });
    if (body.context === 'proactive' && !body.vulnerableGroup) ctx.addIssue({ code: 'custom', path: ['vulnerableGroup'], message: 'required' });
    const childBand = CHILD_AGE_BANDS.includes(body.ageBand);
    if (body.ageBand !== 'unknown' && childBand !== body.isChild) ctx.addIssue({ code: 'custom', path: ['isChild'], message: 'age_band_mismatch' });
  });
export type CreateScreeningInput = z.infer<typeof createScreeningBody>;

export const elementsFound = z.object({
  act: z.boolean(),
  means: z.boolean(),
  purpose: z.boolean(),
  smuggling: z.boolean(),
  /** False for a child: the means are not needed. */
  meansRequired: z.boolean(),
});
export type ElementsFound = z.infer<typeof elementsFound>;

export const outcomeReason = z.object({
  code: z.enum(REASON_CODES),
  indicators: z.array(z.string()),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type OutcomeReason = z.infer<typeof outcomeReason>;

export const suggestion = z.object({
  outcome: z.enum(SCREENING_OUTCOMES),
  /** How strong the trafficking side is, when there is one (also for smuggled_and_trafficked). */
  traffickingLevel: z.enum(['presumed', 'possible']).nullable(),
  elements: elementsFound,
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  score: z.number(),
  strongIndicators: z.array(z.string()),
  unknownShare: z.number(),
  reasons: z.array(outcomeReason),
});
export type Suggestion = z.infer<typeof suggestion>;

export const screeningSummary = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  screenedOn: z.string(),
  ...contextFields,
  campaignName: z.string().nullable(),
  place: z.string().nullable(),
  ...personBasics,
  suggestedOutcome: z.enum(SCREENING_OUTCOMES),
  outcome: z.enum(SCREENING_OUTCOMES).nullable(),
  decisionStatus: z.enum(DECISION_STATUSES),
  caseId: z.string().uuid().nullable(),
  createdByName: z.string(),
  version: z.number().int(),
});
export type ScreeningSummary = z.infer<typeof screeningSummary>;

export const screeningDetail = screeningSummary.extend({
  indicatorSetId: z.string().uuid(),
  indicatorSetVersion: z.number().int(),
  reportId: z.string().uuid().nullable(),
  reportReference: z.string().nullable(),
  answers: z.record(z.string(), z.enum(INDICATOR_ANSWERS)),
  suggestion,
  overrideReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  caseNumber: z.string().nullable(),
  ownerAgencyName: z.string(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(ACTIONS)),
});
export type ScreeningDetail = z.infer<typeof screeningDetail>;

export const screeningListQuery = z.object({
  outcome: z.enum(SCREENING_OUTCOMES).optional(),
  context: z.enum(SCREENING_CONTEXTS).optional(),
  /** A reference (SCR-2026-000042) or any part of it (000042, 42). */
  reference: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9-]+$/).optional(),
});

/** POST /api/screenings/:id/decision: confirm the suggestion, or override it with a reason. */
export const decisionBody = z.object({
  version: version(),
  outcome: z.enum(SCREENING_OUTCOMES),
  reason: text(2000, 3).nullable().default(null),
});

/** POST /api/screenings/:id/open-case: the identity is given only now, and goes to the encrypted case. */
export const openCaseBody = z.object({
  version: version(),
  person: personInput,
  region: z.enum(REGION_CODES).nullable().optional(),
  province: z.string().regex(/^MA-[A-Z]{3}$/).nullable().optional(),
});
export type OpenCaseInput = z.infer<typeof openCaseBody>;

export const openCaseResponse = z.object({ caseId: z.string().uuid(), caseNumber: z.string(), duplicates: z.array(duplicateCandidate) });

export const coverageQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const coverageRow = z.object({
  context: z.enum(SCREENING_CONTEXTS),
  vulnerableGroup: z.enum(VULNERABLE_GROUPS).nullable(),
  outcome: z.enum(SCREENING_OUTCOMES),
  count: z.number().int(),
});
export const coverageResponse = z.object({ from: z.string().nullable(), to: z.string().nullable(), total: z.number().int(), rows: z.array(coverageRow) });
export type CoverageResponse = z.infer<typeof coverageResponse>;

/** Proactive screening coverage for the coordinator: de-identified counts over a date range. */
export const proactiveCoverageQuery = coverageQuery;
const countOf = z.number().int();
export const proactiveCoverageResponse = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: countOf,
  byRegion: z.array(z.object({ region: z.enum(REGION_CODES).nullable(), count: countOf })),
  byAgencyType: z.array(z.object({ agencyType: z.enum(AGENCY_TYPES), count: countOf })),
  byAgency: z.array(z.object({ agencyId: z.string().uuid(), agencyName: z.string(), agencyType: z.enum(AGENCY_TYPES), count: countOf })),
  byOutcome: z.array(z.object({ outcome: z.enum(SCREENING_OUTCOMES), count: countOf })),
});
export type ProactiveCoverage = z.infer<typeof proactiveCoverageResponse>;

/** What a smuggled migrant is offered next, each need answered by directory services. */
export const NEXT_STEP_NEEDS = ['voluntary_return', 'health', 'asylum_information'] as const;
export type NextStepNeed = (typeof NEXT_STEP_NEEDS)[number];
/** The directory service each need is looked up by (IOM's assisted return, medical care, legal aid for asylum). */
export const NEXT_STEP_SERVICE: Record<NextStepNeed, ServiceType> = { voluntary_return: 'voluntary_return', health: 'medical', asylum_information: 'legal_aid' };

export const nextStepProvider = z.object({
  id: z.string().uuid(),
  name: z.string(),
  agencyName: z.string(),
  agencyType: z.enum(AGENCY_TYPES),
  city: z.string().nullable(),
  openingHours: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  languages: z.array(z.string()),
  /** Serves the screening's region (else it serves nationally, or elsewhere). */
  inRegion: z.boolean(),
  servesNationally: z.boolean(),
});
export type NextStepProvider = z.infer<typeof nextStepProvider>;

export const nextStepsResponse = z.object({
  /** True when the confirmed outcome is a smuggled migrant (not trafficking): only then are steps suggested. */
  applies: z.boolean(),
  region: z.enum(REGION_CODES).nullable(),
  /** The case behind the screening, when there is one the reader may open (a referral can then be started there). */
  caseId: z.string().uuid().nullable(),
  steps: z.array(z.object({ need: z.enum(NEXT_STEP_NEEDS), service: z.enum(SERVICE_TYPES), providers: z.array(nextStepProvider) })),
});
export type NextSteps = z.infer<typeof nextStepsResponse>;

const screeningIdParams = z.object({ id: z.string().uuid() });

/** Screening interviews (no identity), the responder's decision, opening a case, and coverage counts. */
export const screeningsApi = {
  list: defineContract({ method: 'GET', path: '/api/screenings', tag: 'screening', query: pageQuery.extend(screeningListQuery.shape), response: pageOf(screeningSummary) }),
  coverage: defineContract({ method: 'GET', path: '/api/screenings/coverage', tag: 'screening', query: coverageQuery, response: coverageResponse }),
  proactiveCoverage: defineContract({
    method: 'GET', path: '/api/screenings/coverage/proactive', tag: 'screening', query: proactiveCoverageQuery, response: proactiveCoverageResponse,
  }),
  nextSteps: defineContract({ method: 'GET', path: '/api/screenings/:id/next-steps', tag: 'screening', params: screeningIdParams, response: nextStepsResponse }),
  create: defineContract({ method: 'POST', path: '/api/screenings', tag: 'screening', body: createScreeningBody, response: screeningDetail, status: 201 }),
  detail: defineContract({ method: 'GET', path: '/api/screenings/:id', tag: 'screening', params: screeningIdParams, response: screeningDetail }),
  decide: defineContract({ method: 'POST', path: '/api/screenings/:id/decision', tag: 'screening', params: screeningIdParams, body: decisionBody, response: screeningDetail }),
  openCase: defineContract({
    method: 'POST', path: '/api/screenings/:id/open-case', tag: 'screening', params: screeningIdParams, body: openCaseBody, response: openCaseResponse, status: 201,
  }),
};

/** The versioned indicators: read by responders, edited (as a new version) by administrators. */
export const indicatorSetsApi = {
  current: defineContract({ method: 'GET', path: '/api/screening/indicator-sets/current', tag: 'screening', response: indicatorSet }),
  versions: defineContract({ method: 'GET', path: '/api/screening/indicator-sets', tag: 'screening', response: z.object({ items: z.array(indicatorSetVersion) }) }),
  one: defineContract({ method: 'GET', path: '/api/screening/indicator-sets/:id', tag: 'screening', params: screeningIdParams, response: indicatorSet }),
  /** Creates the next version from the set `:id` was based on. */
  nextVersion: defineContract({
    method: 'PUT', path: '/api/screening/indicator-sets/:id', tag: 'screening', params: screeningIdParams, body: updateIndicatorSetBody, response: indicatorSet, status: 201,
  }),
};
