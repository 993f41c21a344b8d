import { z } from 'zod';
import { ACTIONS } from '../actions.js';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { CASE_CLOSURE_REASONS } from '../htcds/case.js';
import { SERVICE_TYPES } from './providers.js';
import { isoDate, text, version } from './fields.js';
import { patchOf } from './patch.js';

const note = (max: number) => text(max, 1);

/** How fast the receiver must answer (response times per urgency are configurable). */
export const REFERRAL_URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** Lifecycle: sent → accepted / declined → in_progress → completed, or cancelled by the sender. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Statuses in which a referral is still open (closing a case needs none of these). */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];

/** HTCDS cas_ReasonForOutgoingReferral. */
export const REFERRAL_REASONS = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;

/** Why a provider declines (countable; the note stays free text). */
export const DECLINE_REASONS = [
  'no_capacity', 'outside_mandate', 'target_group_not_served', 'region_not_covered', 'insufficient_information', 'victim_unreachable', 'other',
] as const;

/**
 * The closed list of what a referral can share. Each is chosen per referral;
 * values are copied (encrypted) at referral time. The two notes are written
 * for the receiver when referring; everything else comes from the case.
 */
export const SHAREABLE_FIELDS = [
  'given_name_latin', 'family_name_latin', 'names_arabic', 'sex', 'birth_year', 'citizenships', 'languages', 'phone', 'region',
  'trafficking_status', 'migrant_status', 'risk_level', 'exploitation_types', 'needs_summary', 'medical_notes',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];
/** What the create form ticks by default: the minimum most services need. */
export const DEFAULT_SHARED_FIELDS: readonly ShareableField[] = ['sex', 'birth_year', 'languages', 'needs_summary'];

/** The shared values, as the receiver sees them (only the keys that were shared are present). */
export const referralSnapshot = z
  .object({
    given_name_latin: z.string().nullable(),
    family_name_latin: z.string().nullable(),
    names_arabic: z.object({ given: z.string().nullable(), family: z.string().nullable() }),
    sex: z.string(),
    birth_year: z.number().int().nullable(),
    citizenships: z.array(z.string()),
    languages: z.array(z.string()),
    phone: z.string().nullable(),
    region: z.string().nullable(),
    trafficking_status: z.string(),
    migrant_status: z.string().nullable(),
    risk_level: z.string().nullable(),
    exploitation_types: z.array(z.string()),
    needs_summary: z.string().nullable(),
    medical_notes: z.string().nullable(),
  })
  .partial();
export type ReferralSnapshot = z.infer<typeof referralSnapshot>;

export const OVERRIDE_REASONS = ['risk_to_life'] as const;

/** POST /api/cases/:id/referrals */
export const createReferralBody = z.object({
  providerId: z.string().uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  urgency: z.enum(REFERRAL_URGENCIES),
  reason: z.enum(REFERRAL_REASONS),
  reasonDetails: note(5000).nullable().default(null),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).transform((f) => [...new Set(f)]),
  needsSummary: note(5000).nullable().default(null),
  medicalNotes: note(5000).nullable().default(null),
  /** Only when the victim's life is at risk and consent cannot be obtained in time. */
  override: z.object({ reason: z.enum(OVERRIDE_REASONS), justification: text(5000, 20) }).optional(),
});
export type CreateReferralInput = z.input<typeof createReferralBody>;

export const declineBody = z.object({ reason: z.enum(DECLINE_REASONS), note: note(2000).nullable().default(null) });
export const cancelBody = z.object({ note: note(2000).nullable().default(null) });

export const referralListQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  caseId: z.string().uuid().optional(),
});

const timestamp = z.string().nullable();

/** A referral in a list: no shared values, no names. */
export const referralListItem = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  status: z.enum(REFERRAL_STATUSES),
  urgency: z.enum(REFERRAL_URGENCIES),
  serviceType: z.enum(SERVICE_TYPES),
  providerName: z.string(),
  receivingAgencyName: z.string(),
  referringAgencyName: z.string(),
  /** Only for the referring side (the case is theirs); null for the receiver. */
  caseId: z.string().uuid().nullable(),
  caseNumber: z.string().nullable(),
  sentAt: z.string(),
  acceptedAt: timestamp,
  dueAt: z.string(),
  overdue: z.boolean(),
  consentOverride: z.boolean(),
});
export type ReferralListItem = z.infer<typeof referralListItem>;

export const referralDetail = referralListItem.extend({
  reason: z.enum(REFERRAL_REASONS),
  reasonDetails: z.string().nullable(),
  providerId: z.string().uuid(),
  declinedAt: timestamp,
  startedAt: timestamp,
  completedAt: timestamp,
  cancelledAt: timestamp,
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  cancelNote: z.string().nullable(),
  /** Minutes from sending to acceptance, once accepted. */
  minutesToAcceptance: z.number().int().nullable(),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  /** Null when withheld from the receiver (server referral-sharing.ts: no consent in force, declined or cancelled); reasonDetails too. */
  snapshot: referralSnapshot.nullable(),
  snapshotWithheld: z.boolean(),
  bedHeld: z.boolean(),
  allowedActions: z.array(z.enum(ACTIONS)),
  /** Transitions the caller may make now: accept, decline, start, complete, cancel, recordService. */
  allowedTransitions: z.array(z.enum(['accept', 'decline', 'start', 'complete', 'cancel', 'recordService'])),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

/** Response times in hours, per urgency (system_settings 'referrals.responseHours'). */
export const referralSettings = z.object({
  responseHours: z.object({ emergency: z.number().min(0.25).max(720), urgent: z.number().min(0.25).max(720), routine: z.number().min(0.25).max(2160) }),
});
export type ReferralSettings = z.infer<typeof referralSettings>;
export const DEFAULT_RESPONSE_HOURS: ReferralSettings['responseHours'] = { emergency: 2, urgent: 24, routine: 72 };

/** A consent override awaiting the coordinator's review: no case, no person, no justification text. */
export const overrideReviewItem = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  sentAt: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  serviceType: z.enum(SERVICE_TYPES),
  referringAgencyName: z.string(),
  receivingAgencyName: z.string(),
  reviewedAt: z.string().nullable(),
});

// --- services delivered ---
export const SERVICE_OUTCOMES = ['ongoing', 'completed', 'partially_completed', 'discontinued', 'refused_by_victim'] as const;
export const serviceBody = z
  .object({
    serviceType: z.enum(SERVICE_TYPES),
    providerId: z.string().uuid().nullable().default(null),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    outcome: z.enum(SERVICE_OUTCOMES),
    note: note(5000).nullable().default(null),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, { path: ['endDate'], message: 'before_start' });
/** On a referral the provider and type come from the referral unless given. */
export const referralServiceBody = z
  .object({
    serviceType: z.enum(SERVICE_TYPES).optional(),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    outcome: z.enum(SERVICE_OUTCOMES),
    note: note(5000).nullable().default(null),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, { path: ['endDate'], message: 'before_start' });
export const serviceDelivered = z.object({
  id: z.string().uuid(),
  referralId: z.string().uuid().nullable(),
  serviceType: z.enum(SERVICE_TYPES),
  providerName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  outcome: z.enum(SERVICE_OUTCOMES),
  note: z.string().nullable(),
  recordedByAgencyName: z.string(),
  createdAt: z.string(),
});
export type ServiceDelivered = z.infer<typeof serviceDelivered>;

// --- support plans (HTCDS spl_) ---
export const SUPPORT_PLAN_TYPES = [
  'Education', 'Financial', 'Health', 'LabourExploitationRehabilitation', 'Legal', 'Livelihood', 'RightsBasedTraining',
  'SexualExploitationRehabilitation', 'SocialCare', 'Other',
] as const;
export const supportPlanBody = z.object({
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: note(5000),
  actionPlan: note(10000).nullable().default(null),
  plannedEndDate: isoDate.nullable().default(null),
  actualEndDate: isoDate.nullable().default(null),
});
/** A field not sent is kept (no defaults in a patch). */
export const supportPlanPatch = patchOf(supportPlanBody).extend({ version: version() });
export const supportPlan = z.object({
  id: z.string().uuid(),
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: z.string(),
  actionPlan: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  actualEndDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SupportPlan = z.infer<typeof supportPlan>;

// --- follow-ups ---
export const followUpBody = z.object({ dueDate: isoDate, purpose: note(2000), assigneeId: z.string().uuid().nullable().default(null) });
export const followUpDoneBody = z.object({ outcomeNote: note(5000).nullable().default(null) });
export const followUp = z.object({
  id: z.string().uuid(),
  dueDate: z.string(),
  purpose: z.string(),
  assigneeId: z.string().uuid().nullable(),
  assigneeName: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

// --- voluntary return and reintegration ---
export const RETURN_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export const MILESTONE_KINDS = [
  'reception_on_arrival', 'family_reunification', 'housing', 'education', 'vocational_training', 'employment', 'income_generating_activity',
  'medical_follow_up', 'psychosocial_follow_up', 'other',
] as const;
export const milestone = z.object({
  kind: z.enum(MILESTONE_KINDS),
  targetDate: isoDate.nullable().default(null),
  achievedOn: isoDate.nullable().default(null),
  note: note(2000).nullable().default(null),
});
export const returnBody = z.object({
  status: z.enum(RETURN_STATUSES),
  returnCountry: z.enum(COUNTRY_CODES),
  returnDate: isoDate.nullable().default(null),
  iomInvolved: z.boolean().default(false),
  note: note(5000).nullable().default(null),
  milestones: z.array(milestone).max(30).default([]),
  /** 0 when none was recorded yet; stale → 409. */
  version: version(0),
});
export type ReturnInput = z.input<typeof returnBody>;
export const returnPlan = z.object({
  status: z.enum(RETURN_STATUSES),
  returnCountry: z.string(),
  returnDate: z.string().nullable(),
  iomInvolved: z.boolean(),
  note: z.string().nullable(),
  milestones: z.array(milestone.extend({ targetDate: z.string().nullable(), achievedOn: z.string().nullable(), note: z.string().nullable() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReturnPlan = z.infer<typeof returnPlan>;
export const returnResponse = z.object({ plan: returnPlan.nullable() });

// --- closure ---
export const closeCaseBody = z.object({
  version: version(),
  status: z.enum(['Closed', 'ClosedReferred']).default('Closed'),
  closureReason: z.enum(CASE_CLOSURE_REASONS),
  closureNote: note(5000).nullable().default(null),
  /** Cancel the case's open referrals with the closure; without it, open referrals block closing (409). */
  cancelOpenReferrals: z.boolean().default(false),
});
export type CloseCaseInput = z.input<typeof closeCaseBody>;
export const closeCaseResponse = z.object({ id: z.string().uuid(), status: z.string(), version: z.number().int(), cancelledReferrals: z.number().int() });

// --- work lists ---
export const caseManagerWorkItem = z.object({
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  status: z.string(),
  riskLevel: z.string().nullable(),
  overdueFollowUps: z.number().int(),
  overdueReferrals: z.number().int(),
  openReferrals: z.number().int(),
  nextFollowUpDue: z.string().nullable(),
});
export const shelterWorklist = z.object({
  incoming: z.array(referralListItem),
  incomingTotal: z.number().int(),
  beds: z.array(z.object({ providerId: z.string().uuid(), providerName: z.string(), bedsTotal: z.number().int(), bedsOccupied: z.number().int(), freeBeds: z.number().int() })),
});
export const pathwayHealth = z.object({
  waitingByUrgency: z.object({ emergency: z.number().int(), urgent: z.number().int(), routine: z.number().int() }),
  overdueWaiting: z.number().int(),
  acceptance: z.object({ accepted: z.number().int(), averageMinutes: z.number().nullable(), medianMinutes: z.number().nullable(), sinceDays: z.number().int() }),
  victimsNotReferred: z.number().int(),
  overridesPendingReview: z.number().int(),
});
export type PathwayHealth = z.infer<typeof pathwayHealth>;
