import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, withQuery } from './client';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await api.get('/api/me');
    await api.post('/api/auth/logout');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const getHeaders = calls[0]![1].headers as Record<string, string>;
    const postHeaders = calls[1]![1].headers as Record<string, string>;
    expect(getHeaders['x-csrf-token']).toBeUndefined();
    expect(postHeaders['x-csrf-token']).toBe('tok');
    expect(calls[1]![1].credentials).toBe('same-origin');
  });

  it('keeps the CSRF token the server hands out, on errors too', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === '/api/auth/login'
        ? new Response('{"twoFactor":"required"}', { status: 200, headers: { 'x-csrf-token': 'pending-token' } })
        : new Response('{"ok":true}', { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await api.post('/api/auth/login', { username: 'u', password: 'p' });
    await api.post('/api/auth/2fa', { code: '123456' });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect((calls[1]![1].headers as Record<string, string>)['x-csrf-token']).toBe('pending-token');

    vi.stubGlobal('fetch', async () => new Response('{"error":{"code":"TWO_FACTOR_REQUIRED","message":""}}', { status: 401, headers: { 'x-csrf-token': 'after-reload' } }));
    await api.get('/api/me').catch(() => undefined);
    const logout = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', logout);
    await api.post('/api/auth/logout');
    expect(((logout.mock.calls as unknown as [string, RequestInit][])[0]![1].headers as Record<string, string>)['x-csrf-token']).toBe('after-reload');
  });

  it('parses the error shape into ApiError with issues', async () => {
    vi.stubGlobal('fetch', async () =>
      jsonResponse(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Bad',
          details: { issues: [{ field: 'name', reason: 'too_small' }] },
        },
      }),
    );
    const error = await api.post('/api/agencies', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).issues).toEqual([{ field: 'name', reason: 'too_small' }]);
  });

  it('falls back to a status-derived code for foreign bodies', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 404 }));
    const error = (await api.get('/api/cases/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.issues).toEqual([]);
  });

  it('builds query strings from defined values', () => {
    expect(withQuery('/api/users', { page: 2, q: '', actor: undefined })).toBe('/api/users?page=2');
  });
});
