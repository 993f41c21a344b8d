import { z } from 'zod';
import { CASE_CLOSURE_REASONS } from '../htcds/case.js';
import { defineContract } from './contract.js';
import { text, version } from './fields.js';

/** POST /api/cases/:id/close: the reason is an HTCDS cas_ReasonForCaseClosure code. */
export const closeCaseBody = z.object({
  version: version(),
  status: z.enum(['Closed', 'ClosedReferred']).default('Closed'),
  closureReason: z.enum(CASE_CLOSURE_REASONS),
  closureNote: text(5000, 1).nullable().default(null),
  /** Cancel the case's open referrals with the closure; without it, open referrals block closing (409). */
  cancelOpenReferrals: z.boolean().default(false),
});
export type CloseCaseInput = z.input<typeof closeCaseBody>;
export const closeCaseResponse = z.object({ id: z.string().uuid(), status: z.string(), version: z.number().int(), cancelledReferrals: z.number().int() });
export type CloseCaseResult = z.infer<typeof closeCaseResponse>;

/** Closing a case, with its open referrals (owned by cases; the URL is unchanged). */
export const caseClosureApi = {
  close: defineContract({ method: 'POST', path: '/api/cases/:id/close', tag: 'cases', params: z.object({ id: z.string().uuid() }), body: closeCaseBody, response: closeCaseResponse }),
};
