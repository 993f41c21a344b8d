import type { IntlShape } from 'react-intl';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { ApiError } from '../api/client';
import { errorReasonMessageId } from '../common/errorReasonLabels';

type FormErrors = Record<string, string>;

/** Reasons we have a translated sentence for; anything else reads as "invalid". */
const KNOWN_REASONS = new Set(['required', 'too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value']);

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A translated sentence for one field problem (zod issue code or a server reason). */
export function fieldIssueMessage(intl: IntlShape, reason: string, limits: { min?: number; max?: number } = {}): string {
  if (reason === 'too_small' && limits.min !== undefined) {
    return limits.min > 1
      ? intl.formatMessage({ id: 'validation.tooShort' }, { min: limits.min })
      : intl.formatMessage({ id: 'validation.required' });
  }
  if (reason === 'too_big' && limits.max !== undefined) {
    return intl.formatMessage({ id: 'validation.tooLong' }, { max: limits.max });
  }
  return intl.formatMessage({ id: `validation.${KNOWN_REASONS.has(reason) ? reason : 'invalid'}` });
}

/**
 * A Mantine form validator from a zod schema, with translated messages instead of
 * zod's English ones. Empty fields always read "required".
 */
export function zodValidator<T>(schema: z.ZodType, intl: IntlShape) {
  return (values: T): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      if (errors[field]) continue;
      const limits = issue as { minimum?: number | bigint; maximum?: number | bigint };
      errors[field] = isEmpty(valueAt(values, issue.path))
        ? intl.formatMessage({ id: 'validation.required' })
        : fieldIssueMessage(intl, issue.code, {
            min: limits.minimum === undefined ? undefined : Number(limits.minimum),
            max: limits.maximum === undefined ? undefined : Number(limits.maximum),
          });
    }
    return errors;
  };
}

/** The translated, user-facing sentence for any failure; never the server's English text. */
export function errorMessage(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'error.INTERNAL' });
  if (error.status === 0) return intl.formatMessage({ id: 'error.network' });
  const retryAfter = Number(error.details.retryAfterSeconds);
  if ((error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED') && Number.isFinite(retryAfter) && retryAfter > 0) {
    return intl.formatMessage({ id: `error.${error.code}.retry` }, { minutes: Math.ceil(retryAfter / 60) });
  }
  // The reason tells the true cause (a full shelter, not "someone else changed this"); the code's label is the fallback.
  if (error.reason) return intl.formatMessage({ id: errorReasonMessageId(error.code, error.reason) });
  return intl.formatMessage({ id: `error.${error.code}` });
}

/** The weak-password sentence for `details.reason` ('too_short' | 'common' | 'contains_username'). */
export function weakPasswordMessage(intl: IntlShape, error: ApiError): string {
  const reason = String(error.details.reason ?? '');
  const known = ['too_short', 'common', 'contains_username'].includes(reason);
  return intl.formatMessage({ id: known ? `password.weak.${reason}` : 'error.WEAK_PASSWORD' });
}

/**
 * Put a server validation failure on the form fields it names. Returns the issues
 * that match no field, so the caller can show them in a general alert.
 */
export function applyServerIssues(
  intl: IntlShape,
  error: ApiError,
  fields: readonly string[],
  setFieldError: (field: string, message: string) => void,
): FieldIssue[] {
  const unmatched: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (fields.includes(issue.field)) setFieldError(issue.field, fieldIssueMessage(intl, issue.reason));
    else unmatched.push(issue);
  }
  return unmatched;
}
