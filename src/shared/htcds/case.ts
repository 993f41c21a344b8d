/** HTCDS case (cas_) and consent (con_) codes, plus the local lists a case needs. */

/** HTCDS cas_Status. */
export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case is finished (no longer on anyone's work list). */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['Closed', 'ClosedReferred'];

/**
 * Reasons for closing a case. HTCDS keeps cas_ReasonForCaseClosure as free
 * text; these codes make closures countable, and the note stays free text.
 */
export const CASE_CLOSURE_REASONS = [
  'ReintegrationCompleted',
  'VoluntaryReturnCompleted',
  'ReferredToAnotherOrganisation',
  'VictimWithdrewConsent',
  'LostContact',
  'NotAVictim',
  'MergedDuplicate',
  'Deceased',
  'Other',
] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];

/** Risk level from the case manager's assessment. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;

/** Why the non-punishment principle applies. */
export const NON_PUNISHMENT_GROUNDS = ['criminal_charges', 'immigration_proceedings', 'administrative_penalty', 'other'] as const;

/** Separate, revocable consents a victim can give (con_). */
export const CONSENT_TYPES = ['services', 'share_with_organisation', 'anonymised_statistics'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** How a consent was obtained. */
export const CONSENT_METHODS = ['signed', 'verbal_with_witness', 'guardian'] as const;

/** Why two cases were linked as one person's duplicates. */
export const DUPLICATE_MATCH_REASONS = ['same_document', 'same_phone', 'same_name', 'similar_name_birth_year', 'same_citizenship'] as const;
export type DuplicateMatchReason = (typeof DUPLICATE_MATCH_REASONS)[number];

/** States of a request to merge one agency's case into another's. */
export const MERGE_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;

/** Attachments a case accepts, recognised by their first bytes (not their name). */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
