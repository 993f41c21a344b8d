/**
 * The closed set of error codes the API returns. The web client translates each
 * code (`error.<CODE>` in the catalogs), so a new code is a deliberate change.
 * The cause within a code (`details.reason`) is closed too: see error-reasons.ts.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'TWO_FACTOR_REQUIRED',
  'TWO_FACTOR_INVALID',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'VALIDATION_FAILED',
  'WEAK_PASSWORD',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'CONSENT_REQUIRED',
  // an activation code that is wrong, expired or already used (details.reason says which)
  'ACTIVATION_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code, in one place. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  TWO_FACTOR_REQUIRED: 401,
  TWO_FACTOR_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CONSENT_REQUIRED: 422,
  ACTIVATION_INVALID: 401,
  INTERNAL: 500,
};

/** One field-level problem inside a VALIDATION_FAILED error. */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `person.birthYear`. */
  field: string;
  /** Machine-readable reason (zod issue code or our own). */
  reason: string;
}

/** The single JSON error shape every API error uses. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** `reason` is one of ERROR_REASONS[code] (error-reasons.ts); other keys carry its data. */
    details?: { reason?: string; issues?: FieldIssue[]; [key: string]: unknown };
  };
}
