import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_ACTIONS } from '@shared/actions.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { declaredRoutes, type RegisteredRoute } from './app.js';
import { SHAPED_ROUTE } from './route.js';

/**
 * The one route shape, walked over the live route table: every API route went
 * through `http/route.ts`, and every route that answers with case content or
 * identities declares the read it writes to the audit trail, and writes it.
 */
let sanad: TestSanad;
let responder: TestClient;
let caseId: string;

const isApi = (route: RegisteredRoute) => (route.url.startsWith('/api') && !route.url.startsWith('/api/docs')) || route.url === '/healthz' || route.url === '/readyz';
const apiRoutes = () => sanad.routes.filter((route) => isApi(route) && route.method !== 'HEAD');
const actionOf = (route: RegisteredRoute) => (typeof route.access === 'object' ? route.access.action : null);

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  const created = await responder.post('/api/cases', {
    person: { givenNameLatin: 'Amina', familyNameLatin: 'Diallo', birthYear: 1999, sex: 'Feminine', citizenships: ['SN'], languages: ['fr'] },
    region: 'MA-06',
    province: 'MA-CAS',
    traffickingStatus: 'presumed',
    exploitationForms: ['sexual_exploitation'],
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().case.id;
});
afterAll(async () => sanad?.close());

describe('the one route shape', () => {
  it('registers every API route through the route helper, with an audit declaration', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(90);
    const unshaped = routes.filter((route) => !route.shaped).map((route) => `${route.method} ${route.url}`);
    expect(unshaped).toEqual([]);
    const undeclared = routes.filter((route) => route.audit === undefined).map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses, when the app is built, an API route registered any other way', () => {
    expect(() => declaredRoutes({ method: 'GET', url: '/api/cases/:id/secret', config: { access: { action: 'case.read' } } })).toThrow(/route shape/);
  });

  it('refuses, when the app is built, an identity-bearing read that declares no audited read', () => {
    const config = { access: { action: 'case.read' as const }, audit: 'no-content' as const, [SHAPED_ROUTE]: true as const };
    expect(() => declaredRoutes({ method: 'GET', url: '/api/cases/:id/quiet', config })).toThrow(/declares no audited read/);
    expect(declaredRoutes({ method: 'GET', url: '/api/cases/:id/loud', config: { ...config, audit: { reads: 'case.viewed', resource: 'case' } } })).toHaveLength(1);
  });

  it('makes every read of identity-bearing content declare its audit row', () => {
    const silent = apiRoutes()
      .filter((route) => route.method === 'GET' && IDENTITY_ACTIONS.includes(actionOf(route)!))
      .filter((route) => typeof route.audit !== 'object')
      .map((route) => `${route.method} ${route.url} (${String(route.audit)})`);
    expect(silent).toEqual([]);
  });
});

describe('audited reads of a case', () => {
  const auditRows = async (action: string) =>
    (await sanad.ctx.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_id = $2', [action, caseId])).rows[0]!.n;

  it('writes the declared row, about the case, for every case sub-resource read', async () => {
    const reads = apiRoutes().filter((route) => route.method === 'GET' && /^\/api\/cases\/:id(\/[a-z-]+)?$/.test(route.url));
    expect(reads.length).toBeGreaterThanOrEqual(12);
    const missing: string[] = [];
    for (const route of reads) {
      const declared = route.audit as { reads: string };
      const before = await auditRows(declared.reads);
      const response = await responder.get(route.url.replace(':id', caseId));
      expect(response.statusCode, `${route.url}: ${response.body}`).toBe(200);
      if ((await auditRows(declared.reads)) !== before + 1) missing.push(`${route.url} → ${declared.reads}`);
    }
    expect(missing).toEqual([]);
  });

  it('writes no read row when the case is out of scope (404), and none for the row it did not show', async () => {
    const shelter = await sanad.signIn('shelter');
    const before = await auditRows('case.viewed');
    const response = await shelter.get(`/api/cases/${caseId}`);
    expect([403, 404]).toContain(response.statusCode);
    expect(await auditRows('case.viewed')).toBe(before);
  });
});
