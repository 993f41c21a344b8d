import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { freshDemoCode, startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
let admin: TestClient;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  admin = await sanad.signIn('admin');
});
afterAll(async () => sanad?.close());

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, PLACEHOLDER_ID);

/**
 * The only state-changing routes reachable without a session, so without a CSRF token. Adding a
 * public write is a deliberate change: it must be listed here.
 */
const PUBLIC_WRITES = [
  'POST /api/auth/login',
  // First sign-in of a new account, proven by its one-time activation secret.
  'POST /api/auth/activate',
  'POST /api/public/reports',
  'POST /api/public/reports/additions',
];

/** Each header value a forged request could carry instead of the session's token. */
const FORGED_TOKENS: Record<string, string>[] = [{}, { 'x-csrf-token': '' }, { 'x-csrf-token': 'not-the-token' }];

async function pendingSession(username: string): Promise<TestClient> {
  const client = sanad.anonymous();
  const login = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(login.json().twoFactor).toBe('enrol');
  return client;
}

/** A request with the client's cookie but the given CSRF header (or none) instead of its token. */
function forged(client: TestClient, method: string, url: string, headers: Record<string, string>) {
  return sanad.app.inject({ method: method as 'POST', url, payload: {}, headers: { cookie: client.cookie!, ...headers } });
}

describe('CSRF', () => {
  it('refuses every state-changing route without the session token; only public anonymous routes are exempt', async () => {
    const writes = sanad.routes.filter((r) => !SAFE_METHODS.includes(r.method));
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual([...PUBLIC_WRITES].sort());

    const pending = await pendingSession('responder');
    const failures: string[] = [];
    for (const route of writes.filter((r) => r.access !== 'public')) {
      // A half-signed-in session reaches only the routes that accept one; a full session reaches all.
      const clients = route.access === 'twoFactorPending' ? [admin, pending] : [admin];
      for (const client of clients) {
        for (const headers of FORGED_TOKENS) {
          const answer = await forged(client, route.method, concrete(route.url), headers);
          if (answer.statusCode !== 403 || answer.json().error.code !== 'CSRF_FAILED') {
            failures.push(`${route.method} ${route.url} (${route.access === 'twoFactorPending' ? 'pending' : 'full'} session, ${JSON.stringify(headers)}): ${answer.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing happened: both sessions are still alive.
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    expect((await pending.get('/api/auth/2fa/enrol')).statusCode).toBe(200);
  });

  it('does not log out on a forged request, and logs out with the token', async () => {
    const client = await sanad.signIn('coordinator');
    expect((await forged(client, 'POST', '/api/auth/logout', {})).statusCode).toBe(403);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('hands a half-signed-in session its token, so it can verify its code or log out', async () => {
    const client = sanad.anonymous();
    const login = await client.post('/api/auth/login', { username: 'hotline', password: DEMO_PASSWORD });
    const token = login.headers['x-csrf-token'];
    expect(typeof token).toBe('string');
    expect(client.csrfToken).toBe(token);
    // After a page reload the token is handed out again on the routes the session may reach.
    const me = await sanad.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: client.cookie! } });
    expect(me.json().error.code).toBe('TWO_FACTOR_REQUIRED');
    expect(me.headers['x-csrf-token']).toBe(token);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/2fa/enrol')).statusCode).toBe(401);
  });

  it('hands out the new session token when the second factor completes', async () => {
    const client = sanad.anonymous();
    const login = await client.post('/api/auth/login', { username: 'legalaid', password: DEMO_PASSWORD });
    const secret = (await client.get('/api/auth/2fa/enrol')).json().secret as string;
    const verified = await client.post('/api/auth/2fa', { code: await freshDemoCode('legalaid', secret) });
    expect(verified.statusCode).toBe(200);
    const me = await client.get('/api/me');
    expect(verified.headers['x-csrf-token']).toBe(me.json().csrfToken);
    expect(verified.headers['x-csrf-token']).not.toBe(login.headers['x-csrf-token']);
    expect((await client.patch('/api/me', { locale: 'en' })).statusCode).toBe(200);
  });
});
