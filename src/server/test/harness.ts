import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../config/config.js';
import { keyringFromKeys } from '../crypto/keyring.js';
import { createLogger, createSanad, type Sanad } from '../system.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { openTestDatabase } from './test-database.js';
import { freshDemoCode } from './totp-codes.js';

export { freshDemoCode };

export interface TestSanad extends Sanad {
  /** A signed-in API client for a demo user (2FA completed when their roles need it). */
  signIn(username: string, password?: string): Promise<TestClient>;
  /** An anonymous client. */
  anonymous(): TestClient;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** A cookie-keeping client over app.inject(); sends the CSRF header once known. */
export interface TestClient {
  cookie: string | null;
  csrfToken: string | null;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

// Secrets of users who enrolled in this test file, for their later sign-ins.
const enrolledSecrets = new Map<string, string>();

function clientFor(sanad: Sanad): TestClient {
  const client: TestClient = {
    cookie: null,
    csrfToken: null,
    async request(method, url, body, headers = {}) {
      const response = await sanad.app.inject({
        method,
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrfToken && !['GET', 'HEAD'].includes(method) ? { 'x-csrf-token': client.csrfToken } : {}),
          ...headers,
        },
      });
      const set = response.cookies.find((c) => c.name === 'sanad_session');
      if (set) client.cookie = set.value ? `sanad_session=${set.value}` : null;
      return response;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
  };
  return client;
}

/** Starts a Sanad on a fresh test database with a random key; `demo` seeds the demo accounts, `pathway` the demo data too. */
export async function startTestSanad(
  options: { demo?: boolean; pathway?: boolean; logDestination?: DestinationStream; env?: Record<string, string> } = {},
): Promise<TestSanad> {
  const config = { ...loadConfig({ SANAD_DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent', ...options.env }), demo: Boolean(options.demo) };
  const database = await openTestDatabase();
  const keyring = keyringFromKeys([randomBytes(32)]);
  const sanad = await createSanad(config, { database, keyring, logger: createLogger({ logLevel: options.logDestination ? 'info' : 'silent' }, options.logDestination) });
  // The demo accounts by default; the whole demo pathway (cases, reports…) only when asked, to keep files fast.
  if (options.demo) await seedDemoIfEmpty(sanad.ctx, { accountsOnly: !options.pathway });
  return {
    ...sanad,
    anonymous: () => clientFor(sanad),
    async signIn(username, password = DEMO_PASSWORD) {
      const client = clientFor(sanad);
      const login = await client.post('/api/auth/login', { username, password });
      if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.statusCode} ${login.body}`);
      const { twoFactor } = login.json() as { twoFactor: string };
      // Enrolment shows the secret (the demo one, or a new random one for other users).
      let secret = enrolledSecrets.get(username);
      if (twoFactor === 'enrol') {
        const enrol = await client.get('/api/auth/2fa/enrol');
        if (enrol.statusCode !== 200) throw new Error(`enrolment of ${username} failed: ${enrol.body}`);
        secret = (enrol.json() as { secret: string }).secret;
        enrolledSecrets.set(username, secret);
      }
      if (twoFactor !== 'none') {
        const verified = await client.post('/api/auth/2fa', { code: await freshDemoCode(username, secret) });
        if (verified.statusCode !== 200) throw new Error(`2FA of ${username} failed: ${verified.body}`);
      }
      const me = await client.get('/api/me');
      client.csrfToken = (me.json() as { csrfToken: string }).csrfToken;
      return client;
    },
    async close() {
      await sanad.close();
      await database.close();
    },
  };
}
