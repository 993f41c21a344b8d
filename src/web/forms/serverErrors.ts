import type { IntlShape } from 'react-intl';
import { ApiError } from '../api/client';
import { applyServerIssues, errorMessage, weakPasswordMessage } from './validation';

interface FieldErrorSink {
  setFieldError: (field: string, message: string) => void;
}

/**
 * Route a failed submit to the right place: validation issues onto their fields,
 * a weak password onto the password field, anything else into the returned
 * sentence for the form's alert (null when every problem landed on a field).
 */
export function reportFormError(
  intl: IntlShape,
  error: unknown,
  form: FieldErrorSink,
  fields: readonly string[],
  passwordField?: string,
): string | null {
  if (error instanceof ApiError && error.code === 'WEAK_PASSWORD' && passwordField) {
    form.setFieldError(passwordField, weakPasswordMessage(intl, error));
    return null;
  }
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
    const unmatched = applyServerIssues(intl, error, fields, (field, message) => form.setFieldError(field, message));
    return unmatched.length === 0 ? null : errorMessage(intl, error);
  }
  return errorMessage(intl, error);
}
