import { z } from 'zod';
import { defineContract } from './contract.js';
import { pageOf, pageQuery } from './pagination.js';
import { SERVICE_TYPES } from './providers.js';
import { REFERRAL_STATUSES, REFERRAL_URGENCIES, referralListItem } from './referrals.js';

/** One case on a case manager's list, with what is overdue on it. */
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
export type CaseManagerWorkItem = z.infer<typeof caseManagerWorkItem>;

/** `?overdue=true`: only the cases with an overdue follow-up or referral (the home tile's filter). */
export const caseManagerWorkQuery = z.object({ overdue: z.enum(['true', 'false']).default('false') });

/** The case manager's open cases, and how many of them (whatever the filter) have something overdue. */
export const caseManagerWorklist = pageOf(caseManagerWorkItem).extend({ openTotal: z.number().int(), overdueTotal: z.number().int() });

/** The shelter's queue (unanswered referrals first) and its beds. */
export const shelterWorklist = z.object({
  incoming: z.array(referralListItem),
  incomingTotal: z.number().int(),
  beds: z.array(z.object({ providerId: z.string().uuid(), providerName: z.string(), bedsTotal: z.number().int(), bedsOccupied: z.number().int(), freeBeds: z.number().int() })),
});

/** The coordinator's national tiles: counts only, no case, no person, no agency-level identity. */
export const pathwayHealth = z.object({
  waitingByUrgency: z.object({ emergency: z.number().int(), urgent: z.number().int(), routine: z.number().int() }),
  overdueWaiting: z.number().int(),
  acceptance: z.object({ accepted: z.number().int(), averageMinutes: z.number().nullable(), medianMinutes: z.number().nullable(), sinceDays: z.number().int() }),
  victimsNotReferred: z.number().int(),
  overridesPendingReview: z.number().int(),
});
export type PathwayHealth = z.infer<typeof pathwayHealth>;

/**
 * The coordinator's tiles, opened (de-identified): which referrals nationally are waiting, overdue or
 * were accepted in the acceptance window. Reference, dates, service and agencies; never a case or a person.
 */
/** Time to acceptance is measured over this window (the tile and the list behind it). */
export const ACCEPTANCE_WINDOW_DAYS = 90;

export const NATIONAL_REFERRAL_STATES = ['waiting', 'overdue', 'accepted'] as const;
export type NationalReferralState = (typeof NATIONAL_REFERRAL_STATES)[number];
export const nationalReferralQuery = z.object({
  state: z.enum(NATIONAL_REFERRAL_STATES).optional(),
  urgency: z.enum(REFERRAL_URGENCIES).optional(),
});
export const nationalReferralItem = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  urgency: z.enum(REFERRAL_URGENCIES),
  serviceType: z.enum(SERVICE_TYPES),
  referringAgencyName: z.string(),
  receivingAgencyName: z.string(),
  sentAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  acceptedAt: z.string().nullable(),
  minutesToAcceptance: z.number().int().nullable(),
  consentOverride: z.boolean(),
});
export type NationalReferralItem = z.infer<typeof nationalReferralItem>;

/**
 * "Victims not yet referred", opened as counts only: per agency that owns such cases, how many are
 * presumed and how many identified victims. No case number, no person.
 */
export const notReferredBreakdown = z.object({
  total: z.number().int(),
  byAgency: z.array(z.object({ agencyId: z.string().uuid(), agencyName: z.string(), presumed: z.number().int(), identified: z.number().int(), total: z.number().int() })),
});
export type NotReferredBreakdown = z.infer<typeof notReferredBreakdown>;

/** What each role must act on: case managers, shelters and the coordinator. */
export const worklistsApi = {
  caseManager: defineContract({ method: 'GET', path: '/api/worklists/case-manager', tag: 'worklists', query: pageQuery.extend(caseManagerWorkQuery.shape), response: caseManagerWorklist }),
  shelter: defineContract({ method: 'GET', path: '/api/worklists/shelter', tag: 'worklists', query: pageQuery, response: shelterWorklist }),
  pathwayHealth: defineContract({ method: 'GET', path: '/api/worklists/pathway-health', tag: 'worklists', response: pathwayHealth }),
  nationalReferrals: defineContract({ method: 'GET', path: '/api/worklists/national/referrals', tag: 'worklists', query: pageQuery.extend(nationalReferralQuery.shape), response: pageOf(nationalReferralItem) }),
  notReferred: defineContract({ method: 'GET', path: '/api/worklists/national/not-referred', tag: 'worklists', response: notReferredBreakdown }),
};
