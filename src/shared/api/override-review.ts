import { z } from 'zod';
import { defineContract } from './contract.js';
import { text } from './fields.js';
import { pageOf, pageQuery } from './pagination.js';
import { SERVICE_TYPES } from './providers.js';
import { OVERRIDE_REASONS, REFERRAL_STATUSES, REFERRAL_URGENCIES, SHAREABLE_FIELDS } from './referrals.js';

/** How the coordinator closes the review of a consent override: justified, or flagged with a note. */
export const OVERRIDE_REVIEW_OUTCOMES = ['approved', 'flagged'] as const;
export type OverrideReviewOutcome = (typeof OVERRIDE_REVIEW_OUTCOMES)[number];

/**
 * A referral sent without the victim's consent, as the coordinator reviews it: who sent it, from which
 * agency, to whom, when, the coded reason and which fields left (names of fields, never their values).
 * No case, no person, and not the sender's free-text justification: it is written about an identified
 * person, and the coordinator holds no identity-bearing permission (no 2FA).
 */
export const overrideReviewItem = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  sentAt: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  serviceType: z.enum(SERVICE_TYPES),
  status: z.enum(REFERRAL_STATUSES),
  overrideReason: z.enum(OVERRIDE_REASONS),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  sentByName: z.string(),
  referringAgencyName: z.string(),
  receivingAgencyName: z.string(),
  review: z
    .object({
      outcome: z.enum(OVERRIDE_REVIEW_OUTCOMES),
      note: z.string().nullable(),
      reviewedAt: z.string(),
      reviewedByName: z.string().nullable(),
    })
    .nullable(),
});
export type OverrideReviewItem = z.infer<typeof overrideReviewItem>;

/** `GET /api/referrals/overrides`: the ones waiting for review unless `pending=false` (all, newest review last). */
export const overrideReviewQuery = z.object({ pending: z.enum(['true', 'false']).default('true') });

/** Approve (the emergency justified bypassing consent) or flag, with a note that says what was wrong. */
export const overrideReviewBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), note: text(2000).nullish() }),
  z.object({ outcome: z.literal('flagged'), note: text(2000, 5) }),
]);
export type OverrideReviewInput = z.input<typeof overrideReviewBody>;

const idParams = z.object({ id: z.string().uuid() });

/** The national coordinator's review of consent overrides (referral.reviewOverride). */
export const overrideReviewApi = {
  list: defineContract({ method: 'GET', path: '/api/referrals/overrides', tag: 'referrals', query: pageQuery.extend(overrideReviewQuery.shape), response: pageOf(overrideReviewItem) }),
  review: defineContract({ method: 'POST', path: '/api/referrals/:id/override-review', tag: 'referrals', params: idParams, body: overrideReviewBody, response: overrideReviewItem }),
};
