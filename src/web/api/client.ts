import { isErrorReason, type ErrorReason } from '../../shared/error-reasons';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';

/** An API failure, parsed from the single error shape the server uses. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;
  /** The true cause when the server named one its code lists (error-reasons.ts); null otherwise, so the code's label applies. */
  readonly reason: ErrorReason | null;

  constructor(code: ErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.issues = Array.isArray(details.issues) ? (details.issues as FieldIssue[]) : [];
    this.reason = isErrorReason(code, details.reason) ? details.reason : null;
  }
}

// Kept in memory only: a token in localStorage would be readable by any injected script for longer.
let csrfToken: string | null = null;

/** Remember the session's CSRF token (from /api/me or the x-csrf-token answer header); null forgets it (logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Fallback code for a response that does not carry our error shape (proxy errors, HTML pages). */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'INTERNAL';
}

/** Turn a failed response into an ApiError, tolerating bodies that are not ours. */
export async function parseApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && isErrorCode(error.code)) {
    return new ApiError(error.code, response.status, error.message ?? '', error.details ?? {});
  }
  return new ApiError(codeForStatus(response.status), response.status, response.statusText);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Call the JSON API; resolves to the parsed body (undefined for 204) or throws ApiError. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('INTERNAL', 0, 'network');
  }
  // The server hands out the session's token on sign-in, on 2FA and on every answer to a session,
  // so a half-signed-in page (even reloaded) can send its code and its logout with it.
  const handed = response.headers.get('x-csrf-token');
  if (handed) csrfToken = handed;
  if (!response.ok) throw await parseApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** POST for a file (an export): the answer as a Blob, with the session's CSRF token; errors as ApiError. */
export async function apiDownload(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('INTERNAL', 0, 'network');
  }
  if (!response.ok) throw await parseApiError(response);
  return response.blob();
}

/** Shorthands, so call sites read like the HTTP they do. */
export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Build `path?key=value` from the defined, non-empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
