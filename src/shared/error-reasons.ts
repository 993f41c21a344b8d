import { ACTIVATION_FAILURES } from './api/activation.js';
import type { ErrorCode } from './errors.js';

/**
 * The closed set of `details.reason` values, per error code. The code says what
 * kind of failure it is (and the HTTP status); the reason says the true cause, so
 * the web can tell a shelter it is full instead of "someone else changed this
 * record". The server cannot throw a reason that is not listed under its code
 * (AppError is typed from this map), and the web has a label for every one
 * (`errorReasonMessageId`). A new reason is a deliberate change here, in the three
 * catalogs, and nowhere else.
 */
export const ERROR_REASONS = {
  UNAUTHENTICATED: [],
  INVALID_CREDENTIALS: [],
  ACCOUNT_LOCKED: [],
  ACCOUNT_DISABLED: [],
  TWO_FACTOR_REQUIRED: [],
  TWO_FACTOR_INVALID: [],
  FORBIDDEN: [
    // a role request is approved by a second administrator, never by the one who asked
    'own_request',
    // nobody approves roles for their own account
    'own_account',
    'self_role_change',
    'self_agency_change',
    // an administrator's own password is changed on the profile page, not with an activation code
    'self_activation',
  ],
  CSRF_FAILED: [],
  NOT_FOUND: [],
  METHOD_NOT_ALLOWED: [],
  VALIDATION_FAILED: [
    'malformed_json',
    'bad_request',
    // reports are dispatched to law-enforcement units only (not a shelter, a statistics office…)
    'not_law_enforcement',
    // the chosen person may not work this case (role, agency, disabled)
    'not_assignable',
    // the agency cannot take a case over (disabled, or nobody there takes cases)
    'agency_cannot_receive',
  ],
  WEAK_PASSWORD: ['too_short', 'common', 'contains_username'],
  CONFLICT: [
    // the version sent is not the stored one: someone saved in between
    'stale_version',
    // a unique value (outside the cases named below) is already taken
    'duplicate',
    'username_taken',
    'self_lockout',
    'role_grant_decided',
    'user_agency_changed',
    'two_factor_enrolled',
    'two_factor_not_started',
    'case_closed',
    'case_merged',
    'open_referrals',
    'merge_already_requested',
    'merge_already_decided',
    'merge_target_merged',
    'shelter_full',
    'referral_invalid_transition',
    'follow_up_done',
    'screening_case_opened',
    'no_victim_outcome',
    'indicator_set_outdated',
    'report_closed',
    'report_already_triaged',
    'report_already_linked',
    // case transfers to another agency
    'transfer_pending',
    'transfer_same_agency',
    'transfer_decided',
    // the coordinator's review of a consent override is final
    'override_already_reviewed',
  ],
  PAYLOAD_TOO_LARGE: [],
  UNSUPPORTED_MEDIA_TYPE: [],
  RATE_LIMITED: [],
  CONSENT_REQUIRED: ['no_consent', 'consent_revoked', 'override_ended', 'referral_closed'],
  ACTIVATION_INVALID: ACTIVATION_FAILURES,
  INTERNAL: [],
} as const satisfies Record<ErrorCode, readonly string[]>;

/** A reason allowed for `C` (every reason of every code when `C` is the whole union). */
export type ErrorReason<C extends ErrorCode = ErrorCode> = (typeof ERROR_REASONS)[C][number];

/**
 * Codes whose own label cannot tell the cause, so each throw must name one:
 * a bare CONFLICT could be a full shelter as well as a stale version.
 */
export const REASON_REQUIRED_CODES = ['CONFLICT', 'CONSENT_REQUIRED', 'WEAK_PASSWORD', 'ACTIVATION_INVALID'] as const satisfies readonly ErrorCode[];
export type ReasonRequiredCode = (typeof REASON_REQUIRED_CODES)[number];

/** True when `reason` is one of the reasons listed for `code`. */
export function isErrorReason<C extends ErrorCode>(code: C, reason: unknown): reason is ErrorReason<C> {
  return typeof reason === 'string' && (ERROR_REASONS[code] as readonly string[]).includes(reason);
}
