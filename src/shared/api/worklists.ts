import { z } from 'zod';
import { defineContract } from './contract.js';
import { pageOf, pageQuery } from './pagination.js';
import { referralListItem } from './referrals.js';

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

/** What each role must act on: case managers, shelters and the coordinator. */
export const worklistsApi = {
  caseManager: defineContract({ method: 'GET', path: '/api/worklists/case-manager', tag: 'worklists', query: pageQuery, response: pageOf(caseManagerWorkItem) }),
  shelter: defineContract({ method: 'GET', path: '/api/worklists/shelter', tag: 'worklists', query: pageQuery, response: shelterWorklist }),
  pathwayHealth: defineContract({ method: 'GET', path: '/api/worklists/pathway-health', tag: 'worklists', response: pathwayHealth }),
};
