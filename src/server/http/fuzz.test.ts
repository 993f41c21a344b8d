import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ERROR_CODES } from '@shared/errors.js';
import type { Action } from '@shared/actions.js';
import { can } from '../policies/authorize.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { inputSchemasOf } from '../test/schema-walk.js';
import { breakAtRandomPlace, hostileValue, plausibleValue, randomUuid, RAW_BODIES, seededRandom, validValue, type IdFor, type Random } from '../test/fuzz-values.js';
import { createProviderVia, demoAgencyIds } from '../providers/test-helpers.js';
import type { RegisteredRoute } from './app.js';

/**
 * Random and malformed requests against the public form (no login) and every
 * write route a signed-in case manager may call: no answer may be a 5xx, and
 * every refusal keeps the one error shape. Deterministic: the seed fixes every
 * request (SANAD_FUZZ_SEED to try another).
 */

const SEED = Number(process.env['SANAD_FUZZ_SEED'] ?? 20260206);
const PUBLIC_REQUESTS = 900;
const CASE_MANAGER_REQUESTS = 1500;

let sanad: TestSanad;
let casemanager: TestClient;
const ids: Record<string, string[]> = { case: [], planId: [], followUpId: [], consentId: [], user: [], provider: [] };

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  casemanager = await sanad.signIn('casemanager');
  const { rows } = await sanad.ctx.database.pool.query(`SELECT id FROM users WHERE username = 'casemanager'`);
  ids['user']!.push(rows[0].id as string);
  const agencyId = (await demoAgencyIds(sanad)).get('shelter')!;
  const provider = await createProviderVia(await sanad.signIn('admin'), { agencyId, nameEn: 'Fuzz shelter', regions: ['MA-06'], services: ['shelter', 'medical'] });
  ids['provider']!.push(provider.id);
  // Real records, so many requests get past "not found" into the commands.
  for (const name of ['Amina', 'Youssef', 'Salma']) {
    const created = await casemanager.post('/api/cases', { person: { givenNameLatin: name, familyNameLatin: 'Fuzz', birthYear: 1995 }, region: 'MA-06' });
    const caseId = created.json().case.id as string;
    ids['case']!.push(caseId);
    const plan = await casemanager.post(`/api/cases/${caseId}/support-plans`, { type: 'Health', objectives: 'Care' });
    ids['planId']!.push((plan.json().items as { id: string }[])[0]!.id);
    const followUp = await casemanager.post(`/api/cases/${caseId}/follow-ups`, { dueDate: '2026-09-01', purpose: 'Call back' });
    ids['followUpId']!.push((followUp.json().items as { id: string }[])[0]!.id);
    const consent = await casemanager.post(`/api/cases/${caseId}/consents`, { type: 'services', method: 'signed' });
    ids['consentId']!.push((consent.json().items as { id: string }[])[0]!.id);
  }
}, 120_000);
afterAll(async () => sanad?.close());

/** A value for a path parameter: mostly a real id, sometimes an unknown or a malformed one. */
function pathParam(random: Random, name: string, url: string): string {
  const roll = random.next();
  if (roll < 0.08) return encodeURIComponent(String(random.pick(['0000-01-01', 'x\u0000', '../../', "1' OR '1'='1", '%00', 'null', '-1', '9'.repeat(40)])));
  const known = name === 'id' && url.startsWith('/api/cases/') ? ids['case'] : ids[name];
  return roll < 0.25 || !known?.length ? randomUuid(random) : random.pick(known);
}

const concrete = (random: Random, url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => pathParam(random, name, url));

/** Ids by field name: a case manager where one is expected, a real provider, a case; else mostly unknown. */
function idFor(random: Random): IdFor {
  return (field) => {
    if (random.chance(0.15)) return randomUuid(random);
    if (['caseManagerId', 'userId', 'assigneeId'].includes(field)) return ids['user']![0]!;
    if (field === 'providerId') return ids['provider']![0]!;
    if (field === 'targetCaseId' || field === 'caseId') return random.pick(ids['case']!);
    return randomUuid(random);
  };
}

/** A body for a route: plausible, plausible but broken somewhere, hostile, or raw text. */
function bodyFor(random: Random, schema: z.ZodType | undefined): { payload: string; contentType: string } {
  const roll = random.next();
  const plausible = () => (schema ? validValue(schema, random, idFor(random)) : {});
  let payload: string;
  if (roll < 0.15) payload = random.pick(RAW_BODIES);
  else if (roll < 0.3) payload = JSON.stringify(hostileValue(random)) ?? 'null';
  else if (roll < 0.45) payload = JSON.stringify(plausible()) ?? '{}';
  else {
    let body = plausible();
    for (let i = 0, n = random.pick([1, 1, 1, 1, 2, 3]); i < n; i++) body = breakAtRandomPlace(body, random);
    payload = JSON.stringify(body) ?? 'null';
  }
  const contentType = random.chance(0.95) ? 'application/json' : random.pick(['text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', '']);
  return { payload, contentType };
}

/** A query string from the route's query schema, broken somewhere. */
function queryFor(random: Random, schema: z.ZodType | undefined): string {
  const plausible = (schema ? plausibleValue(schema, random, idFor(random)) : {}) as Record<string, unknown>;
  const broken = breakAtRandomPlace(plausible, random);
  const params = new URLSearchParams();
  if (broken && typeof broken === 'object' && !Array.isArray(broken)) {
    for (const [key, value] of Object.entries(broken)) params.append(key, typeof value === 'string' ? value : JSON.stringify(value)?.slice(0, 3000) ?? '');
  }
  return params.toString();
}

const mayCall = (route: RegisteredRoute) =>
  route.access === 'session' || (typeof route.access === 'object' && can({ roles: ['case_manager'] }, (route.access as { action: Action }).action));

describe('fuzzing the public form and the case manager’s write routes', () => {
  it(`answers no 5xx to ${PUBLIC_REQUESTS + CASE_MANAGER_REQUESTS} random and malformed requests, and keeps one error shape`, async () => {
    const random = seededRandom(SEED);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    let address = 0;

    const send = async (method: string, url: string, payload: string | undefined, headers: Record<string, string>, remoteAddress?: string) => {
      const response = await sanad.app.inject({ method: method as 'POST', url, headers, ...(payload !== undefined ? { payload } : {}), ...(remoteAddress ? { remoteAddress } : {}) });
      sent++;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const shown = `${method} ${url.slice(0, 120)} ${payload?.slice(0, 1500) ?? ''} → ${response.statusCode} ${response.body.slice(0, 300)}`;
      if (response.statusCode >= 500) failures.push(shown);
      else if (response.statusCode >= 400) {
        const code = (() => {
          try {
            return (JSON.parse(response.body) as { error?: { code?: string } }).error?.code;
          } catch {
            return undefined;
          }
        })();
        if (!code || !(ERROR_CODES as readonly string[]).includes(code)) failures.push(`not the error shape: ${shown}`);
      }
    };

    // The public form, without login: each request from its own address (the limit is per address; a 429 is not a failure).
    const publicRoutes = sanad.routes.filter((r) => r.access === 'public' && r.url.startsWith('/api/public/') && r.method === 'POST');
    expect(publicRoutes.map((r) => r.url).sort()).toEqual(['/api/public/reports', '/api/public/reports/additions']);
    for (let i = 0; i < PUBLIC_REQUESTS; i++) {
      const route = random.chance(0.7) ? publicRoutes.find((r) => r.url === '/api/public/reports')! : publicRoutes.find((r) => r.url !== '/api/public/reports')!;
      const { payload, contentType } = bodyFor(random, (inputSchemasOf(route).find((p) => p.path === 'body')?.schema));
      address++;
      const remoteAddress = random.chance(0.9) ? `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` : '10.255.255.255';
      await send('POST', route.url, payload, contentType ? { 'content-type': contentType } : {}, remoteAddress);
    }

    // Every write route a case manager may call (and, now and then, a read with a broken query).
    // Signing out would end the fuzzing session, and a wrong current password counts towards a lock-out: not fuzzed here.
    const skipped = new Set(['/api/auth/logout', '/api/auth/logout-all', '/api/me/password']);
    const writes = sanad.routes.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method) && mayCall(r) && !skipped.has(r.url) && !r.url.startsWith('/api/public/'));
    const reads = sanad.routes.filter((r) => r.method === 'GET' && mayCall(r) && inputSchemasOf(r).some((p) => p.path === 'querystring'));
    expect(writes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/:id', '/api/cases/:id/events', '/api/cases/:id/referrals']));
    const session = { cookie: casemanager.cookie!, 'x-csrf-token': casemanager.csrfToken! };
    for (let i = 0; i < CASE_MANAGER_REQUESTS; i++) {
      if (random.chance(0.1)) {
        const route = random.pick(reads);
        const query = queryFor(random, inputSchemasOf(route).find((p) => p.path === 'querystring')?.schema);
        await send('GET', `${concrete(random, route.url)}?${query}`, undefined, session);
        continue;
      }
      const route = random.pick(writes);
      const { payload, contentType } = bodyFor(random, inputSchemasOf(route).find((p) => p.path === 'body')?.schema);
      await send(route.method, concrete(random, route.url), payload, { ...session, ...(contentType ? { 'content-type': contentType } : {}) });
    }

    const counts = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
    process.stdout.write(`fuzz (seed ${SEED}): ${sent} requests, ${writes.length} case manager write routes, 2 public routes; statuses ${JSON.stringify(counts)}\n`);
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(failures).toEqual([]);
    // Prototype keys in bodies never reached Object.prototype.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // The session survived: the fuzz really ran signed in.
    expect((await casemanager.get('/api/me')).statusCode).toBe(200);
  }, 600_000);
});
