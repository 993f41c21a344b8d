import { z } from 'zod';
import { CASE_CLOSURE_REASONS } from '../htcds/case.js';
import { SERVICE_TYPES } from './providers.js';
import { REFERRAL_STATUSES } from './referrals.js';
import { defineContract } from './contract.js';
import { text, version } from './fields.js';

/** POST /api/cases/:id/close: the reason is an HTCDS cas_ReasonForCaseClosure code. */
export const closeCaseBody = z.object({
  version: version(),
  status: z.enum(['Closed', 'ClosedReferred']).default('Closed'),
  closureReason: z.enum(CASE_CLOSURE_REASONS),
  closureNote: text(5000, 1).nullable().default(null),
  /**
   * Cancel the case's open referrals with the closure; without it, open referrals block closing (409
   * 'open_referrals', listing them). The web never sends it: a child's placement in progress is not
   * ended as a side effect of closing; the worker handles each referral. Kept for the demo seeding.
   */
  cancelOpenReferrals: z.boolean().default(false),
});
export type CloseCaseInput = z.input<typeof closeCaseBody>;
export const closeCaseResponse = z.object({ id: z.string().uuid(), status: z.string(), version: z.number().int(), cancelledReferrals: z.number().int() });
export type CloseCaseResult = z.infer<typeof closeCaseResponse>;

/**
 * One referral that stops a case from closing, as the 409 'open_referrals' lists it
 * (`details.openReferrals`): which provider, how far it got, and what the caller may
 * do about it now through the referral routes (cancel as the sender; complete only
 * when the caller is also the provider delivering it).
 */
export const openReferralOfClosure = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  providerName: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  status: z.enum(REFERRAL_STATUSES),
  /** A shelter bed is held for the person: cancelling ends a placement in progress. */
  bedHeld: z.boolean(),
  actions: z.array(z.enum(['cancel', 'complete'])),
});
export type OpenReferralOfClosure = z.infer<typeof openReferralOfClosure>;
/** `details` of the 409 whose reason is 'open_referrals'. */
export const openReferralsDetails = z.object({ reason: z.literal('open_referrals'), openReferrals: z.array(openReferralOfClosure) });

/** Closing a case, with its open referrals (owned by cases; the URL is unchanged). */
export const caseClosureApi = {
  close: defineContract({ method: 'POST', path: '/api/cases/:id/close', tag: 'cases', params: z.object({ id: z.string().uuid() }), body: closeCaseBody, response: closeCaseResponse }),
};
