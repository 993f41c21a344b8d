import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../config/config.js';
import { keyringFromKeys } from '../crypto/keyring.js';
import { createLogger, createSanad, type Sanad } from '../system.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { demoKeyring } from './demo-template.js';
import { openTestDatabase } from './test-database.js';
import { freshDemoCode } from './totp-codes.js';

export { freshDemoCode };

export interface TestSanad extends Sanad {
  /** A signed-in API client for a demo user (2FA completed when their roles need it). */
  signIn(username: string, password?: string): Promise<TestClient>;
  /** An anonymous client. */
  anonymous(): TestClient;
  /**
   * Adds a user the way the system requires: an administrator (`by`, else the
   * demo `admin`) creates it, the second demo administrator approves its roles
   * when they need approval, and the person activates it with the code,
   * choosing `password` (the demo password by default). Returns its id.
   */
  addUser(input: NewUser, options?: { password?: string; by?: TestClient }): Promise<string>;
  /** First sign-in with an activation code on a new client (not yet through 2FA). */
  activate(username: string, code: string, password: string): Promise<{ client: TestClient; response: LightMyRequestResponse }>;
}

/** What an administrator types to create a user. */
export interface NewUser {
  username: string;
  displayName?: string;
  agencyId: string;
  roles: string[];
  locale?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** A cookie-keeping client over app.inject(); keeps the CSRF token the server hands out and sends it on changes. */
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
      // As the web client does: keep the CSRF token the server hands out (sign-in, 2FA, any answer to a session).
      const handed = response.headers['x-csrf-token'];
      if (typeof handed === 'string') client.csrfToken = handed;
      return response;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
  };
  return client;
}

/**
 * Starts a Sanad on a fresh test database with a random key; `demo` seeds the demo accounts, `pathway`
 * the demo data too (a copy of the run's seeded demo template, sealed with its key).
 */
export async function startTestSanad(
  options: { demo?: boolean; pathway?: boolean; logDestination?: DestinationStream; env?: Record<string, string> } = {},
): Promise<TestSanad> {
  const config = { ...loadConfig({ SANAD_DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent', ...options.env }), demo: Boolean(options.demo) };
  const withPathway = Boolean(options.demo && options.pathway);
  const database = await openTestDatabase({ demo: withPathway });
  const keyring = withPathway ? demoKeyring() : keyringFromKeys([randomBytes(32)]);
  const sanad = await createSanad(config, { database, keyring, logger: createLogger({ logLevel: options.logDestination ? 'info' : 'silent' }, options.logDestination) });
  // The demo accounts are seeded here (quick); the whole pathway (cases, reports…) comes from the template, seeded once per run.
  if (options.demo && !withPathway) await seedDemoIfEmpty(sanad.ctx, { accountsOnly: true });
  const admins = new Map<string, Promise<TestClient>>();
  const adminClient = (username: string) => {
    if (!admins.has(username)) admins.set(username, testSanad.signIn(username));
    return admins.get(username)!;
  };
  const testSanad: TestSanad = {
    ...sanad,
    anonymous: () => clientFor(sanad),
    async addUser(input, { password = DEMO_PASSWORD, by } = {}) {
      const created = await (by ?? (await adminClient('admin'))).post('/api/users', { displayName: `Test ${input.username}`, locale: 'fr', ...input });
      if (created.statusCode !== 201) throw new Error(`creating ${input.username} failed: ${created.statusCode} ${created.body}`);
      const user = created.json() as { id: string; activationCode: string; pendingGrant: { id: string } | null };
      if (user.pendingGrant) {
        const approved = await (await adminClient('admin2')).post(`/api/role-grants/${user.pendingGrant.id}/approve`);
        if (approved.statusCode !== 200) throw new Error(`approving ${input.username} failed: ${approved.statusCode} ${approved.body}`);
      }
      const { response } = await testSanad.activate(input.username, user.activationCode, password);
      if (response.statusCode !== 200) throw new Error(`activating ${input.username} failed: ${response.statusCode} ${response.body}`);
      return user.id;
    },
    async activate(username, code, password) {
      const client = clientFor(sanad);
      const response = await client.post('/api/auth/activate', { username, code, password });
      return { client, response };
    },
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
  return testSanad;
}
