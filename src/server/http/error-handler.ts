import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiErrorBody, FieldIssue } from '@shared/errors.js';
import { isErrorReason } from '@shared/error-reasons.js';
import { issueReason } from '@shared/api/fields.js';
import { AppError } from './app-error.js';

const PG_UNIQUE_VIOLATION = '23505';

/** Broken JSON, however the parser reported it. */
function malformedJson(): { appError: AppError; unexpected: boolean } {
  return { appError: new AppError('VALIDATION_FAILED', 'The request body is not valid JSON', { reason: 'malformed_json' }), unexpected: false };
}

/** Turns any thrown error into an AppError; unknown errors become INTERNAL (logged, never shown). */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      field: [error.validationContext === 'body' ? '' : error.validationContext, ...(v.instancePath ?? '').split('/')]
        .filter(Boolean)
        .join('.') || String(v.params?.['path'] ?? ''),
      // Our own checks (impossible date, control character…) name their reason; zod's own use their code.
      reason: issueReason({ code: v.keyword === undefined ? undefined : String(v.keyword), message: v.message }),
    }));
    return { appError: new AppError('VALIDATION_FAILED', 'Some fields are invalid', { issues }), unexpected: false };
  }
  if (isResponseSerializationError(error)) return { appError: new AppError('INTERNAL'), unexpected: true };
  const e = error as FastifyError & { code?: string };
  // Drizzle wraps driver errors (DrizzleQueryError) with the PostgreSQL error as its cause.
  const pgCode = (e as { cause?: { code?: string } }).cause?.code ?? e.code;
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return { appError: new AppError('CONFLICT', 'A record with these values already exists', { reason: 'duplicate' }), unexpected: false };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { appError: new AppError('PAYLOAD_TOO_LARGE', 'The request is too large'), unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { appError: new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json)'), unexpected: false };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return malformedJson();
  }
  if (e.statusCode === 400 && e instanceof SyntaxError) {
    return malformedJson();
  }
  if (e.statusCode === 413) return { appError: new AppError('PAYLOAD_TOO_LARGE'), unexpected: false };
  if (e.statusCode === 415) return { appError: new AppError('UNSUPPORTED_MEDIA_TYPE'), unexpected: false };
  if (e.statusCode === 429) return { appError: new AppError('RATE_LIMITED'), unexpected: false };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { appError: new AppError('VALIDATION_FAILED', 'The request is malformed', { reason: 'bad_request' }), unexpected: false };
  }
  return { appError: new AppError('INTERNAL', 'Something went wrong on our side'), unexpected: true };
}

/**
 * A reason the code does not list. AppError's typing refuses one at compile
 * time; this catches what a cast or untyped data lets through at run time.
 */
export function unlistedReason(appError: AppError): string | null {
  const reason = appError.details?.reason;
  return reason === undefined || isErrorReason(appError.code, reason) ? null : String(reason);
}

/** The body of an error response; an unlisted reason is left out, so the web shows the code's label rather than a raw id. */
export function errorBody(appError: AppError): ApiErrorBody {
  let details = appError.details;
  if (details && unlistedReason(appError) !== null) {
    const { reason: _unlisted, ...rest } = details;
    details = rest;
  }
  return {
    error: {
      code: appError.code,
      message: appError.message,
      ...(details ? { details } : {}),
    },
  };
}

/** Installs the one error shape for the whole API. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { appError, unexpected } = toAppError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    const unlisted = unlistedReason(appError);
    if (unlisted !== null) request.log.error({ code: appError.code, reason: unlisted }, 'error reason outside the closed list');
    if (appError.code === 'ACCOUNT_LOCKED' || appError.code === 'RATE_LIMITED') {
      const retry = appError.details?.['retryAfterSeconds'];
      if (typeof retry === 'number') void reply.header('retry-after', String(retry));
    }
    return reply.status(appError.status).send(errorBody(appError));
  });
}
