import { z } from 'zod';
import { ACTIONS } from '../actions.js';
import { defineContract } from './contract.js';
import { text } from './fields.js';
import { pageOf, pageQuery } from './pagination.js';
import { SERVICE_TYPES } from './providers.js';

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
export type DeclineReason = (typeof DECLINE_REASONS)[number];

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

const idParams = z.object({ id: z.string().uuid() });

/**
 * Referrals: send from a case, list both directions, read the shared fields,
 * answer and cancel; the response times (administrator) and the review of
 * consent overrides (coordinator).
 */
export const referralsApi = {
  list: defineContract({ method: 'GET', path: '/api/referrals', tag: 'referrals', query: pageQuery.extend(referralListQuery.shape), response: pageOf(referralListItem) }),
  get: defineContract({ method: 'GET', path: '/api/referrals/:id', tag: 'referrals', params: idParams, response: referralDetail }),
  create: defineContract({ method: 'POST', path: '/api/cases/:id/referrals', tag: 'referrals', params: idParams, body: createReferralBody, response: referralDetail, status: 201 }),
  ofCase: defineContract({ method: 'GET', path: '/api/cases/:id/referrals', tag: 'referrals', params: idParams, response: pageOf(referralListItem) }),
  // The lifecycle: accept, decline, start and complete belong to the receiver; cancel to the sender.
  accept: defineContract({ method: 'POST', path: '/api/referrals/:id/accept', tag: 'referrals', params: idParams, response: referralDetail }),
  decline: defineContract({ method: 'POST', path: '/api/referrals/:id/decline', tag: 'referrals', params: idParams, body: declineBody, response: referralDetail }),
  start: defineContract({ method: 'POST', path: '/api/referrals/:id/start', tag: 'referrals', params: idParams, response: referralDetail }),
  complete: defineContract({ method: 'POST', path: '/api/referrals/:id/complete', tag: 'referrals', params: idParams, response: referralDetail }),
  cancel: defineContract({ method: 'POST', path: '/api/referrals/:id/cancel', tag: 'referrals', params: idParams, body: cancelBody, response: referralDetail }),
  settings: defineContract({ method: 'GET', path: '/api/referrals/settings', tag: 'referrals', response: referralSettings }),
  saveSettings: defineContract({ method: 'PUT', path: '/api/referrals/settings', tag: 'referrals', body: referralSettings, response: referralSettings }),
  // The coordinator's review of consent overrides: override-review.ts (overrideReviewApi).
};
