import { ERROR_STATUS, type ApiErrorBody, type ErrorCode, type FieldIssue } from '@shared/errors.js';
import type { ErrorReason, ReasonRequiredCode } from '@shared/error-reasons.js';

/**
 * `details.reason` as the code allows it: absent for a code without reasons,
 * required for a code whose label cannot tell the cause (a bare CONFLICT),
 * optional otherwise. A reason outside ERROR_REASONS[code] does not compile.
 */
type ReasonOf<C extends ErrorCode> = [ErrorReason<C>] extends [never]
  ? { reason?: never }
  : C extends ReasonRequiredCode
    ? { reason: ErrorReason<C> }
    : { reason?: ErrorReason<C> };

/** What an AppError of code `C` may carry: its reason, field issues, and the reason's data (counts, ids). */
export type AppErrorDetails<C extends ErrorCode> = ReasonOf<C> & { issues?: FieldIssue[]; [key: string]: unknown };

/** The details argument: required when the code requires a reason. */
type DetailsArgument<C extends ErrorCode> = C extends ReasonRequiredCode ? [details: AppErrorDetails<C>] : [details?: AppErrorDetails<C>];

/** The one error class the API throws; the error handler turns it into `{error:{code,message,details}}`. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly details: ApiErrorBody['error']['details'];

  /** `message` is English for developers and logs; the person reads the catalog label of the code and reason. */
  constructor(code: C, message?: string, ...[details]: DetailsArgument<C>) {
    super(message ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** 404 for anything outside the caller's scope: never reveal that a record exists. */
export function notFound(what = 'Resource'): AppError<'NOT_FOUND'> {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** 403 for a role that may never take this action. */
export function forbidden(message = 'You are not allowed to do this'): AppError<'FORBIDDEN'> {
  return new AppError('FORBIDDEN', message);
}

/** 409 'stale_version' for an update against a version someone else has already replaced. */
export function conflict(message = 'This record was changed by someone else; reload it and try again'): AppError<'CONFLICT'> {
  return new AppError('CONFLICT', message, { reason: 'stale_version' });
}
