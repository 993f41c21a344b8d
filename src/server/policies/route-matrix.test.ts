import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, IDENTITY_ACTIONS, type Action } from '@shared/actions.js';
import type { Role } from '@shared/roles.js';
import { declaredRoutes } from '../http/app.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-accounts.js';
import { can } from './authorize.js';

/**
 * The expected access matrix, written independently of rules.ts: a grant
 * added or removed there without updating this table fails the suite.
 * `Record<Action, …>` makes TypeScript demand a line for every new action.
 */
const CASE_WORKERS: readonly Role[] = ['first_responder', 'case_manager'];
const OPERATIONAL: readonly Role[] = ['hotline_operator', 'first_responder', 'case_manager', 'service_provider', 'prosecutor', 'national_coordinator'];

const EXPECTED: Record<Action, readonly Role[]> = {
  'agency.list': ['administrator'],
  'agency.create': ['administrator'],
  'agency.update': ['administrator'],
  'user.list': ['administrator'],
  'user.create': ['administrator'],
  'user.update': ['administrator'],
  'user.reset2fa': ['administrator'],
  'audit.read': ['auditor'],
  'audit.verify': ['auditor'],
  // cases
  'case.list': CASE_WORKERS,
  'case.export': CASE_WORKERS,
  'case.read': CASE_WORKERS,
  'case.create': CASE_WORKERS,
  'case.update': CASE_WORKERS,
  'case.readAccessLog': CASE_WORKERS,
  'case.assign': CASE_WORKERS,
  'case.consent': CASE_WORKERS,
  'case.attach': CASE_WORKERS,
  'case.readAttachment': CASE_WORKERS,
  'case.requestMerge': CASE_WORKERS,
  'case.merge': CASE_WORKERS,
  'case.transfer': CASE_WORKERS,
  'case.acceptTransfer': CASE_WORKERS,
  // reports
  'report.list': ['hotline_operator', 'first_responder'],
  'report.read': ['hotline_operator', 'first_responder'],
  'report.create': ['hotline_operator'],
  'report.update': ['hotline_operator'],
  'report.triage': ['hotline_operator'],
  'report.dispatch': ['hotline_operator'],
  'report.acknowledgeDispatch': ['first_responder'],
  'report.close': ['hotline_operator'],
  'report.linkCase': ['first_responder'],
  // screening
  'screening.list': ['first_responder'],
  'screening.read': ['first_responder'],
  'screening.create': ['first_responder'],
  'screening.decide': ['first_responder'],
  'screening.openCase': ['first_responder'],
  'screening.coverage': ['first_responder', 'national_coordinator', 'analyst'],
  'screening.readIndicators': ['first_responder', 'administrator'],
  'screening.editIndicators': ['administrator'],
  // providers
  'provider.list': [...OPERATIONAL, 'administrator'],
  'provider.read': [...OPERATIONAL, 'administrator'],
  'provider.create': ['administrator'],
  'provider.update': ['administrator'],
  'provider.updateCapacity': ['service_provider'],
  'provider.match': CASE_WORKERS,
  // referrals
  'referral.list': [...CASE_WORKERS, 'service_provider'],
  'referral.read': [...CASE_WORKERS, 'service_provider'],
  'referral.create': CASE_WORKERS,
  'referral.respond': ['service_provider'],
  'referral.cancel': CASE_WORKERS,
  'referral.reviewOverride': ['national_coordinator'],
  'referral.configure': ['administrator'],
  'service.list': [...CASE_WORKERS, 'service_provider'],
  'service.record': [...CASE_WORKERS, 'service_provider'],
  'supportPlan.manage': CASE_WORKERS,
  'followUp.manage': CASE_WORKERS,
  'return.manage': CASE_WORKERS,
  'case.close': CASE_WORKERS,
  'worklist.caseManager': CASE_WORKERS,
  'worklist.shelter': ['service_provider'],
  'worklist.pathwayHealth': ['national_coordinator'],
  // notifications
};

// One demo user per role (legalaid duplicates shelter's role).
const ROLE_USERS = DEMO_USERS.filter((u) => u.username !== 'legalaid');

let sanad: TestSanad;
const clients = new Map<string, TestClient>();

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  for (const user of ROLE_USERS) clients.set(user.username, await sanad.signIn(user.username));
});
afterAll(async () => sanad?.close());

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, PLACEHOLDER_ID);

describe('route table', () => {
  it('declares access on every route', () => {
    expect(sanad.routes.length).toBeGreaterThan(10);
    for (const route of sanad.routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('refuses to build an API route without a declaration', () => {
    expect(() => declaredRoutes({ method: 'GET', url: '/api/secret', config: {} })).toThrow(/declares no access/);
    expect(declaredRoutes({ method: 'GET', url: '/api/docs/json', config: {} })[0]!.access).toBe('public');
  });

  it('grants exactly the expected actions to each role (policy table)', () => {
    for (const action of ACTIONS) {
      for (const user of ROLE_USERS) {
        const role = user.roles[0]!;
        expect(can({ roles: [role] }, action), `${role} → ${action}`).toBe(EXPECTED[action].includes(role));
      }
    }
  });

  it('answers 403 to every role not granted a route, and lets granted roles past the gate', async () => {
    const actionRoutes = sanad.routes.filter((r) => typeof r.access === 'object' && r.method !== 'HEAD');
    expect(actionRoutes.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const route of actionRoutes) {
      const action = (route.access as { action: Action }).action;
      for (const user of ROLE_USERS) {
        const role = user.roles[0]!;
        const response = await clients.get(user.username)!.request(route.method as 'GET', concrete(route.url), route.method === 'GET' ? undefined : {});
        const allowed = EXPECTED[action].includes(role);
        if (allowed && response.statusCode === 403) failures.push(`${role} was refused ${route.method} ${route.url}: ${response.body}`);
        if (!allowed && (response.statusCode !== 403 || response.json().error.code !== 'FORBIDDEN')) {
          failures.push(`${role} reached ${route.method} ${route.url} (${response.statusCode})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const anonymous = sanad.anonymous();
    for (const route of sanad.routes.filter((r) => r.access !== 'public' && r.method !== 'HEAD')) {
      const response = await anonymous.request(route.method as 'GET', concrete(route.url), route.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('two-factor gate', () => {
  it('keeps a user who has not enrolled 2FA away from identity-bearing routes', async () => {
    const admin = clients.get('admin')!;
    const agencies = (await admin.get('/api/agencies?pageSize=200')).json().items as { id: string; nameEn: string }[];
    // Created, approved by a second administrator and activated with the code, as the system requires.
    await sanad.addUser(
      { username: 'new.responder', displayName: 'New Responder', agencyId: agencies.find((a) => a.nameEn.includes('police'))!.id, roles: ['first_responder'] },
      { password: DEMO_PASSWORD, by: admin },
    );
    const client = sanad.anonymous();
    const login = await client.post('/api/auth/login', { username: 'new.responder', password: DEMO_PASSWORD });
    expect(login.json()).toEqual({ twoFactor: 'enrol' });
    const identityRoutes = sanad.routes.filter((r) => typeof r.access === 'object' && IDENTITY_ACTIONS.includes(r.access.action) && r.method !== 'HEAD');
    expect(identityRoutes.length).toBeGreaterThan(10);
    for (const route of identityRoutes) {
      const response = await client.request(route.method as 'GET', concrete(route.url), route.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('TWO_FACTOR_REQUIRED');
    }
  });
});
