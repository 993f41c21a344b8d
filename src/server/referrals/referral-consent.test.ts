import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Action } from '@shared/actions.js';
import type { ReferralDetail } from '@shared/api/referrals.js';
import { can } from '../policies/authorize.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral } from './test-helpers.js';

/**
 * A revoked sharing consent stops the flow of the victim's data to the
 * receiver at every step: accepting, reading, and every state after it.
 */
let sanad: TestSanad;
let responder: TestClient;
let shelter: TestClient;
let legalaid: TestClient;
let admin: TestClient;
let shelterAgencyId: string;
let legalAgencyId: string;
let shelterId: string;
let legalId: string;
let caseId: string;
let consentId: string;
const ids: Record<'sent' | 'accepted' | 'inProgress' | 'completed', string> = { sent: '', accepted: '', inProgress: '', completed: '' };

// Every value the referral shares, and the reason text written for the receiver.
const SHARED_VALUES = [/Blessing/, /Okafor/, /بليسينغ/, /662 998/, /Safe accommodation/, /safe place tonight/i];
const FIELDS = ['given_name_latin', 'family_name_latin', 'names_arabic', 'phone', 'needs_summary'] as const;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const statusOf = async (id: string) => (await query('SELECT status FROM referrals WHERE id = $1', [id]))[0].status as string;
const leaks = (body: string) => SHARED_VALUES.filter((pattern) => pattern.test(body)).map(String);

async function refer(providerId: string, body: Record<string, unknown> = {}): Promise<string> {
  const response = await responder.post(`/api/cases/${caseId}/referrals`, { ...shelterReferral(providerId, [...FIELDS]), ...body });
  if (response.statusCode !== 201) throw new Error(`refer failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
async function ok(response: Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
  const done = await response;
  expect(done.statusCode, done.body).toBe(status);
  return done;
}
const detail = async (client: TestClient, id: string) => (await ok(client.get(`/api/referrals/${id}`))).json() as ReferralDetail;
const revoke = (id: string) => ok(responder.post(`/api/cases/${caseId}/consents/${id}/revoke`));

/** Every GET route the receiver's role may call, with each path parameter set to `id`. */
function receiverGetRoutes(id: string): string[] {
  return sanad.routes
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && (r.access === 'session' || (typeof r.access === 'object' && can({ roles: ['service_provider'] }, r.access.action as Action))))
    .map((r) => r.url.replace(/:[A-Za-z]+/g, id));
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, shelter, legalaid, admin] = [await sanad.signIn('responder'), await sanad.signIn('shelter'), await sanad.signIn('legalaid'), await sanad.signIn('admin')];
  const setup = await createTestProviders(sanad, admin, shelter, 5);
  shelterAgencyId = setup.agency.get('shelter')!;
  legalAgencyId = setup.agency.get('legalaid')!;
  shelterId = setup.shelterId;
  legalId = setup.legalId;
  caseId = await openCaseVia(responder);
  consentId = await consentVia(responder, caseId, shelterAgencyId);
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) ids[key] = await refer(shelterId);
  for (const id of [ids.accepted, ids.inProgress, ids.completed]) await ok(shelter.post(`/api/referrals/${id}/accept`));
  await ok(shelter.post(`/api/referrals/${ids.inProgress}/services`, { startDate: '2026-03-01', outcome: 'ongoing', note: 'Room 4' }), 201);
  await ok(shelter.post(`/api/referrals/${ids.completed}/start`));
  await ok(shelter.post(`/api/referrals/${ids.completed}/complete`));
});
afterAll(async () => sanad?.close());

describe('before revocation', () => {
  it('shows the receiver the shared values in every state the consent covers (so the checks below can fail)', async () => {
    for (const id of Object.values(ids)) {
      const seen = await detail(shelter, id);
      expect(seen.snapshotWithheld, seen.status).toBe(false);
      expect(seen.snapshot?.given_name_latin).toBe('Blessing');
      expect(seen.reasonDetails).toBe('Needs a safe place tonight');
    }
    expect((await detail(shelter, ids.sent)).allowedTransitions).toEqual(['accept', 'decline']);
  });
});

describe('after the victim revokes the sharing consent', () => {
  beforeAll(async () => revoke(consentId));

  it('refuses acceptance (422 CONSENT_REQUIRED, reason consent_revoked) and changes nothing', async () => {
    const beds = async () => (await query('SELECT beds_occupied FROM shelter_capacity WHERE provider_id = $1', [shelterId]))[0].beds_occupied as number;
    const before = await beds();
    const refused = await shelter.post(`/api/referrals/${ids.sent}/accept`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { reason: 'consent_revoked' } });
    expect(leaks(refused.body)).toEqual([]);
    expect(await statusOf(ids.sent)).toBe('sent');
    expect(await beds()).toBe(before);
    expect((await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'referral.accepted' AND resource_id = $1`, [ids.sent]))[0].n).toBe(0);
    const seen = await detail(shelter, ids.sent);
    expect(seen.allowedTransitions).toEqual(['decline']);
    expect(seen).toMatchObject({ snapshot: null, snapshotWithheld: true, reasonDetails: null });
  });

  it('hides the shared values of accepted, in-progress and completed referrals from the receiver, not from the sender', async () => {
    expect(await statusOf(ids.inProgress)).toBe('in_progress');
    for (const id of [ids.accepted, ids.inProgress, ids.completed]) {
      const seen = await detail(shelter, id);
      expect(seen, seen.status).toMatchObject({ snapshot: null, snapshotWithheld: true, reasonDetails: null });
      expect(leaks(JSON.stringify(seen))).toEqual([]);
      expect((await detail(responder, id)).snapshot?.given_name_latin).toBe('Blessing');
    }
    const [audit] = await query(`SELECT details FROM audit_events WHERE action = 'referral.viewed' AND resource_id = $1 AND actor_username = 'shelter' ORDER BY id DESC LIMIT 1`, [ids.completed]);
    expect(audit.details).toMatchObject({ withheld: true, fieldsShown: [] });
  });

  it('leaks no shared value through any GET route the receiver can call', async () => {
    const routes = receiverGetRoutes(ids.sent);
    expect(routes).toContain(`/api/referrals/${ids.sent}`);
    expect(routes.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const id of Object.values(ids)) {
      for (const url of receiverGetRoutes(id)) {
        const response = await shelter.get(url);
        if (leaks(response.body).length > 0) found.push(`${url}: ${leaks(response.body).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('lets the receiver decline, start, record services and complete, answering without the shared values', async () => {
    const responses = [
      await ok(shelter.post(`/api/referrals/${ids.sent}/decline`, { reason: 'victim_unreachable', note: null })),
      await ok(shelter.post(`/api/referrals/${ids.accepted}/start`)),
      await ok(shelter.post(`/api/referrals/${ids.accepted}/services`, { startDate: '2026-03-02', outcome: 'ongoing', note: null }), 201),
      await ok(shelter.post(`/api/referrals/${ids.inProgress}/complete`)),
    ];
    for (const response of responses) expect(leaks(response.body), response.body).toEqual([]);
    expect(await statusOf(ids.inProgress)).toBe('completed');
  });

  it('shows them again once the victim consents again', async () => {
    consentId = await consentVia(responder, caseId, shelterAgencyId);
    expect((await detail(shelter, ids.completed)).snapshot?.given_name_latin).toBe('Blessing');
    const fresh = await refer(shelterId);
    await ok(shelter.post(`/api/referrals/${fresh}/accept`));
  });
});

describe('emergency override', () => {
  const override = { override: { reason: 'risk_to_life', justification: 'Trafficker located the victim; she must be moved tonight.' }, serviceType: 'legal_aid', urgency: 'emergency' };

  it('shares while the referral is open, and may be accepted without a consent', async () => {
    const id = await refer(legalId, override);
    expect((await detail(legalaid, id)).snapshot?.given_name_latin).toBe('Blessing');
    await ok(legalaid.post(`/api/referrals/${id}/accept`));
    expect((await detail(legalaid, id)).snapshot?.given_name_latin).toBe('Blessing');
    await ok(legalaid.post(`/api/referrals/${id}/start`));
    expect((await detail(legalaid, id)).snapshot?.given_name_latin).toBe('Blessing');
    // Completed: the emergency is over; without a consent nothing stays shared.
    const completed = await ok(legalaid.post(`/api/referrals/${id}/complete`));
    expect(completed.json()).toMatchObject({ snapshot: null, snapshotWithheld: true });
    expect(leaks(completed.body)).toEqual([]);
  });

  it('ends when the victim, asked since, refuses: a consent revoked after sending stops it at every step', async () => {
    const open = await refer(legalId, override);
    const accepted = await refer(legalId, override);
    await ok(legalaid.post(`/api/referrals/${accepted}/accept`));
    const given = await consentVia(responder, caseId, legalAgencyId);
    expect((await detail(legalaid, open)).snapshot?.given_name_latin).toBe('Blessing');
    await revoke(given);
    const refused = await legalaid.post(`/api/referrals/${open}/accept`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details.reason).toBe('consent_revoked');
    for (const id of [open, accepted]) {
      const seen = await detail(legalaid, id);
      expect(seen).toMatchObject({ snapshot: null, snapshotWithheld: true, reasonDetails: null });
    }
    // A new override after that refusal is a new, audited decision: it shares again.
    const after = await refer(legalId, override);
    expect((await detail(legalaid, after)).snapshot?.given_name_latin).toBe('Blessing');
  });
});

describe('the case filter of the referral list', () => {
  it('tells a provider nothing: the same empty answer for its own case and for any other', async () => {
    const own = await shelter.get(`/api/referrals?caseId=${caseId}`);
    const other = await shelter.get('/api/referrals?caseId=00000000-0000-4000-8000-000000000000');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ items: [], total: 0 });
    expect(own.body).toBe(other.body);
    const ownIncoming = await shelter.get(`/api/referrals?caseId=${caseId}&direction=incoming`);
    expect(ownIncoming.body).toBe((await shelter.get('/api/referrals?caseId=00000000-0000-4000-8000-000000000000&direction=incoming')).body);
    expect(ownIncoming.json().total).toBe(0);
    // Without the filter the provider still has its queue.
    expect((await shelter.get('/api/referrals')).json().total).toBeGreaterThan(0);
  });

  it('still filters the sender’s referrals by case', async () => {
    const list = (await responder.get(`/api/referrals?caseId=${caseId}`)).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.items.every((i: { caseId: string }) => i.caseId === caseId)).toBe(true);
    expect((await responder.get('/api/referrals?caseId=00000000-0000-4000-8000-000000000000')).json().total).toBe(0);
  });
});

// PostgreSQL only: PGlite has one connection, so two transactions can never overlap there.
describe.skipIf(!process.env['DATABASE_URL'])('a revocation racing an acceptance', () => {
  it('makes the acceptance wait for the revocation and then refuse (the consents are read with FOR SHARE)', async () => {
    const id = await refer(shelterId);
    const pool = sanad.ctx.database.pool;
    const revoking = await pool.connect();
    try {
      await revoking.query('BEGIN');
      await revoking.query('UPDATE case_consents SET revoked_at = now() WHERE id = $1', [consentId]);
      let settled = false;
      const accepting = shelter.post(`/api/referrals/${id}/accept`).finally(() => { settled = true; });
      // pg_locks, not pg_stat_activity: the app role cannot see other sessions' wait events, but sees every lock.
      // Only waits on the revoking transaction count (other test files may share the server).
      const xid = (await revoking.query<{ xid: string }>('SELECT pg_current_xact_id()::xid::text AS xid')).rows[0]!.xid;
      const waiters = async () =>
        (await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1`, [xid])).rows[0].n as number;
      // Until the acceptance either blocks on the revocation's row lock or (without the lock) finishes.
      while (!settled && (await waiters()) === 0) await new Promise((resolve) => setImmediate(resolve));
      await revoking.query('COMMIT');
      const accepted = await accepting;
      expect(accepted.statusCode, accepted.body).toBe(422);
      expect(accepted.json().error.details.reason).toBe('consent_revoked');
      expect(await statusOf(id)).toBe('sent');
    } finally {
      await revoking.query('ROLLBACK').catch(() => undefined);
      revoking.release();
    }
  });
});
