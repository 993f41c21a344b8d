import type { ErrorReason } from '../../shared/error-reasons';
import type { ErrorCode } from '../../shared/errors';

/**
 * Codes whose reasons already had their sentences before reasons were closed
 * (the password and activation forms use them); every other reason reads
 * `errorReason.<CODE>.<reason>`.
 */
const LABEL_PREFIX: Partial<Record<ErrorCode, string>> = {
  WEAK_PASSWORD: 'password.weak',
  ACTIVATION_INVALID: 'activate.error',
};

/** The catalog key of the sentence that tells the person the true cause of an error. */
export function errorReasonMessageId<C extends ErrorCode>(code: C, reason: ErrorReason<C>): string {
  return `${LABEL_PREFIX[code] ?? `errorReason.${code}`}.${reason}`;
}
