import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@shared/errors.js';

/** The one error class the API throws; the error handler turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ApiErrorBody['error']['details'];

  constructor(code: ErrorCode, message?: string, details?: ApiErrorBody['error']['details']) {
    super(message ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** 404 for anything outside the caller's scope: never reveal that a record exists. */
export function notFound(what = 'Resource'): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

/** 403 for a role that may never take this action. */
export function forbidden(message = 'You are not allowed to do this'): AppError {
  return new AppError('FORBIDDEN', message);
}

/** 409 for an update against a stale version. */
export function conflict(message = 'This record was changed by someone else; reload it and try again'): AppError {
  return new AppError('CONFLICT', message);
}
