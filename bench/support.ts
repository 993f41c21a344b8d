import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { TOTP_GUARDRAILS } from '../src/server/auth/totp.js';
import { loadConfig } from '../src/server/config/config.js';
import { keyringFromKeys } from '../src/server/crypto/keyring.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/server/demo/demo-accounts.js';
import { seedDemoIfEmpty } from '../src/server/demo/seed-demo.js';
import { createLogger, createSanad, type Sanad } from '../src/server/system.js';
import { urlForDatabase, withDatabase } from '../src/server/test/postgres-admin.js';

/** Which engine a benchmark ran on: the embedded PGlite, or a PostgreSQL server (DATABASE_URL). */
export type EngineKind = Database['kind'];

/**
 * A fresh database opened the way the app opens it: embedded PGlite in a
 * temporary data directory, or a throwaway `sanad_bench_<rand>` database on the
 * server named by DATABASE_URL. Migrated. Closing it deletes it.
 */
export async function openBenchDatabase(): Promise<Database> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sanad-bench-'));
    const database = await openDatabase({ dataDir });
    return {
      ...database,
      async close() {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `sanad_bench_${randomBytes(5).toString('hex')}`;
  await withDatabase(url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ databaseUrl: urlForDatabase(url, name), poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await withDatabase(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH';

/** A cookie-keeping client over app.inject() that sends the CSRF header once known. */
export interface BenchClient {
  request(method: Method, url: string, body?: unknown, remoteAddress?: string): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** A new client with no session (anonymous until it signs in). */
export function clientFor(sanad: Sanad): BenchClient {
  let cookie: string | null = null;
  let csrfToken: string | null = null;
  const client: BenchClient = {
    async request(method, url, body, remoteAddress) {
      const response = await sanad.app.inject({
        method,
        url,
        ...(remoteAddress ? { remoteAddress } : {}),
        ...(body !== undefined ? { payload: body as object } : {}),
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        },
      });
      const set = response.cookies.find((c) => c.name === 'sanad_session');
      if (set) cookie = set.value ? `sanad_session=${set.value}` : null;
      // The server hands out the session's CSRF token on sign-in, 2FA and every answer to a session.
      const handed = response.headers['x-csrf-token'];
      if (typeof handed === 'string') csrfToken = handed;
      return response;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
  };
  return client;
}

// The server accepts each TOTP time step once per user: a bench signs each user in once.
const usedSteps = new Map<string, number>();

async function freshCode(username: string): Promise<string> {
  const step = Math.max(Math.floor(Date.now() / 30_000), (usedSteps.get(username) ?? -1) + 1);
  if (step > Math.floor(Date.now() / 30_000) + 1) throw new Error(`${username} signed in too often in this 30 s window`);
  usedSteps.set(username, step);
  return generate({ secret: DEMO_TOTP_SECRET, epoch: step * 30, guardrails: TOTP_GUARDRAILS });
}

/** A running Sanad on a fresh bench database, with the demo accounts. */
export interface BenchSanad extends Sanad {
  kind: EngineKind;
  /** Signs a demo user in (password, then 2FA enrolment or code) and returns their client. */
  signIn(username: string): Promise<BenchClient>;
}

/** Builds the app as production does (random key, silent logger) over a fresh database with the demo accounts. */
export async function startBenchSanad(): Promise<BenchSanad> {
  const config = { ...loadConfig({ SANAD_DATA_DIR: '/nonexistent-bench-data', LOG_LEVEL: 'silent' }), demo: true };
  const database = await openBenchDatabase();
  const keyring = keyringFromKeys([randomBytes(32)]);
  // Silent, as the figures must not include log writing; BENCH_LOG_LEVEL=error shows why a request failed.
  const logLevel = (process.env['BENCH_LOG_LEVEL'] ?? 'silent') as Parameters<typeof createLogger>[0]['logLevel'];
  const sanad = await createSanad(config, { database, keyring, logger: createLogger({ logLevel }) });
  await seedDemoIfEmpty(sanad.ctx, { accountsOnly: true });
  return {
    ...sanad,
    kind: database.kind,
    async signIn(username) {
      const client = clientFor(sanad);
      const login = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
      if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.statusCode} ${login.body}`);
      const { twoFactor } = login.json() as { twoFactor: string };
      if (twoFactor === 'enrol') await expectOk(client.get('/api/auth/2fa/enrol'), `enrolment of ${username}`);
      if (twoFactor !== 'none') await expectOk(client.post('/api/auth/2fa', { code: await freshCode(username) }), `2FA of ${username}`);
      await expectOk(client.get('/api/me'), `session of ${username}`);
      return client;
    },
    async close() {
      await sanad.close();
      await database.close();
    },
  };
}

/** Throws unless the response is a 2xx: a benchmark of an error page measures nothing. */
export async function expectOk(pending: Promise<LightMyRequestResponse>, what: string): Promise<LightMyRequestResponse> {
  const response = await pending;
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw new Error(`${what} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
  return response;
}
