import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { freshDemoCode, startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
let hotline: TestClient;
let responder: TestClient;
let admin: TestClient;
let gendarme: TestClient;
let agencyIds: Record<string, string>;

/** Signs in a user created in the test, completing enrolment with the secret the server issued. */
async function signInNewUser(username: string): Promise<TestClient> {
  const client = sanad.anonymous();
  expect((await client.post('/api/auth/login', { username, password: DEMO_PASSWORD })).json()).toEqual({ twoFactor: 'enrol' });
  const secret = new URL((await client.get('/api/auth/2fa/enrol')).json().otpauthUrl).searchParams.get('secret')!;
  expect((await client.post('/api/auth/2fa', { code: await freshDemoCode(username, secret) })).statusCode).toBe(200);
  client.csrfToken = (await client.get('/api/me')).json().csrfToken;
  return client;
}

const call = {
  kind: 'trafficking_suspicion',
  channel: 'hotline_call',
  callerType: 'relative',
  language: 'ary',
  region: 'MA-06',
  province: 'Casablanca',
  narrative: 'My cousin Amina Belkadi is locked in a flat in Hay Hassani and forced to work without pay.',
  exploitationForms: ['domestic_servitude', 'forced_labour'],
  peopleAtRisk: 1,
  minorsInvolved: true,
  reporterContact: '+212 6 61 23 45 67',
};

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  hotline = await sanad.signIn('hotline');
  responder = await sanad.signIn('responder');
  admin = await sanad.signIn('admin');
  const agencies = (await admin.get('/api/agencies?pageSize=200')).json().items as { id: string; type: string }[];
  agencyIds = Object.fromEntries(agencies.map((a) => [a.type, a.id]));
  // Created, approved by a second administrator and activated with the code (DEMO_PASSWORD), as the system requires.
  await sanad.addUser(
    { username: 'gendarme.tanger', displayName: 'Rachid Gendarme', agencyId: agencyIds['Gendarmerie']!, roles: ['first_responder'] },
    { password: DEMO_PASSWORD, by: admin },
  );
  gendarme = await signInNewUser('gendarme.tanger');
});
afterAll(async () => sanad?.close());

describe('hotline reports', () => {
  it('dispatches an immediate-danger report to law enforcement in its region, acknowledged by that agency only', async () => {
    const created = await hotline.post('/api/reports', { ...call, urgency: 'immediate_danger' });
    expect(created.statusCode).toBe(201);
    const report = created.json();
    expect(report.reference).toMatch(/^R-\d{4}-\d{6}$/);
    expect(report.status).toBe('dispatched');
    expect(report.awaitingAcknowledgement).toBe(true);
    expect(report.dispatches).toHaveLength(1);
    const dispatch = report.dispatches[0];
    expect(dispatch).toMatchObject({ purpose: 'emergency', agencyId: agencyIds['Police'], acknowledgedAt: null });
    expect(dispatch.dispatchedAt).toBeTruthy();

    // Another agency's responder cannot see it or acknowledge it: 404, never 403.
    expect((await gendarme.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    const foreign = await gendarme.post(`/api/reports/${report.id}/dispatches/${dispatch.id}/acknowledge`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect((await gendarme.get('/api/reports')).json().items.map((r: { id: string }) => r.id)).not.toContain(report.id);

    // The police unit it was sent to reads it, with the reporter's contact (its only lead), and acknowledges it.
    const seen = await responder.get(`/api/reports/${report.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().narrative).toBe(call.narrative);
    expect(seen.json().reporterContact).toBe(call.reporterContact);
    expect(seen.json().dispatches[0].allowedActions).toEqual(['report.acknowledgeDispatch']);
    const ack = await responder.post(`/api/reports/${report.id}/dispatches/${dispatch.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().dispatches[0].acknowledgedAt).toBeTruthy();
    expect(ack.json().dispatches[0].acknowledgedByName).toBe('Youssef Benali');
    expect(ack.json().awaitingAcknowledgement).toBe(false);
    expect((await responder.get('/api/reports')).json().items.map((r: { id: string }) => r.id)).toContain(report.id);

    // The hotline cannot acknowledge on the police's behalf.
    expect((await hotline.post(`/api/reports/${report.id}/dispatches/${dispatch.id}/acknowledge`)).statusCode).toBe(403);
  });

  it('shows the reporter\'s contact to the unit an emergency was sent to, audited, and to no other agency', async () => {
    const report = (await hotline.post('/api/reports', { ...call, urgency: 'immediate_danger' })).json();
    const emergency = report.dispatches[0];
    expect(emergency).toMatchObject({ purpose: 'emergency', agencyId: agencyIds['Police'] });
    // The gendarmerie is then asked for a screening interview: it reads the report, never the contact.
    const screening = await hotline.post(`/api/reports/${report.id}/dispatches`, { version: report.version, purpose: 'screening', agencyId: agencyIds['Gendarmerie'] });
    expect(screening.statusCode).toBe(200);
    const byGendarme = await gendarme.get(`/api/reports/${report.id}`);
    expect(byGendarme.statusCode).toBe(200);
    expect(byGendarme.json().narrative).toBe(call.narrative);
    expect(byGendarme.json().reporterContact).toBeNull();
    expect(JSON.stringify(byGendarme.json())).not.toContain('61 23 45');

    const byPolice = await responder.get(`/api/reports/${report.id}`);
    expect(byPolice.json().reporterContact).toBe(call.reporterContact);
    const rows = async () =>
      (
        await sanad.ctx.database.pool.query(
          `SELECT e.action, e.details->>'dispatchId' AS dispatch, u.username FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
            WHERE e.resource_id = $1 AND e.action IN ('report.viewed', 'report.contactViewed') ORDER BY e.id`,
          [report.id],
        )
      ).rows;
    // Each read of the contact by the unit is its own event, naming the dispatch that allowed it; the gendarme's read is not one.
    expect(await rows()).toEqual([
      { action: 'report.viewed', dispatch: null, username: 'gendarme.tanger' },
      { action: 'report.contactViewed', dispatch: emergency.id, username: 'responder' },
      { action: 'report.viewed', dispatch: null, username: 'responder' },
    ]);
    // The hotline's own reads stay ordinary report views.
    expect((await hotline.get(`/api/reports/${report.id}`)).json().reporterContact).toBe(call.reporterContact);
    expect((await rows()).filter((r) => r.action === 'report.contactViewed')).toHaveLength(1);
  });

  it('sends an emergency to the agency the operator chose, and refuses one that is not law enforcement', async () => {
    const chosen = await hotline.post('/api/reports', { ...call, urgency: 'immediate_danger', dispatchAgencyId: agencyIds['Gendarmerie'] });
    expect(chosen.json().dispatches[0].agencyId).toBe(agencyIds['Gendarmerie']);
    expect((await gendarme.get(`/api/reports/${chosen.json().id}`)).statusCode).toBe(200);
    const wrong = await hotline.post('/api/reports', { ...call, urgency: 'immediate_danger', dispatchAgencyId: agencyIds['Shelter'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toMatchObject({ reason: 'not_law_enforcement', issues: [{ field: 'dispatchAgencyId', reason: 'not_law_enforcement' }] });
  });

  it('offers and accepts only law-enforcement units, for an emergency and for a screening interview', async () => {
    const targets = (await hotline.get('/api/reports/dispatch-targets')).json().items as { id: string; type: string }[];
    expect(targets.map((t) => t.id)).toEqual(expect.arrayContaining([agencyIds['Police'], agencyIds['Gendarmerie']]));
    expect(targets.every((t) => ['Police', 'Gendarmerie', 'LawEnforcement'].includes(t.type))).toBe(true);
    const statistics = (await admin.get('/api/agencies?pageSize=200')).json().items.find((a: { nameEn: string }) => a.nameEn.includes('statistics')).id as string;
    for (const agencyId of [agencyIds['Shelter'], agencyIds['LabourInspection'], agencyIds['Hotline'], statistics]) {
      expect(targets.map((t) => t.id)).not.toContain(agencyId);
      const report = (await hotline.post('/api/reports', { ...call, urgency: 'urgent' })).json();
      for (const purpose of ['screening', 'emergency'] as const) {
        const refused = await hotline.post(`/api/reports/${report.id}/dispatches`, { version: report.version, purpose, agencyId });
        expect(refused.statusCode, `${purpose} to ${agencyId}`).toBe(400);
        expect(refused.json().error.details).toMatchObject({ reason: 'not_law_enforcement', issues: [{ field: 'agencyId', reason: 'not_law_enforcement' }] });
      }
      expect((await hotline.get(`/api/reports/${report.id}`)).json()).toMatchObject({ status: 'new', dispatches: [] });
    }
  });

  it('keeps the narrative and the contact encrypted at rest, and audits every read', async () => {
    const created = (await hotline.post('/api/reports', { ...call, urgency: 'standard' })).json();
    expect(created.status).toBe('new');
    expect(created.dispatches).toEqual([]);
    const raw = await sanad.ctx.database.pool.query('SELECT * FROM reports WHERE id = $1', [created.id]);
    const dump = JSON.stringify(raw.rows[0]);
    expect(dump).not.toContain('Amina');
    expect(dump).not.toContain('Hay Hassani');
    expect(dump).not.toContain('61 23 45');
    expect(raw.rows[0].narrative_enc).toMatch(/^v1\./);

    const read = await hotline.get(`/api/reports/${created.id}`);
    expect(read.json().reporterContact).toBe(call.reporterContact);
    const audit = await sanad.ctx.database.pool.query(
      "SELECT action, details::text AS details FROM audit_events WHERE resource_id = $1 ORDER BY id",
      [created.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['report.created', 'report.viewed']);
    expect(audit.rows.map((r) => r.details).join()).not.toContain('Amina');
  });

  it('walks the lifecycle with versions: stale updates get 409, triage, screening request, close', async () => {
    const report = (await hotline.post('/api/reports', { ...call, urgency: 'standard', kind: 'information_request' })).json();
    const updated = await hotline.patch(`/api/reports/${report.id}`, { version: report.version, province: 'Mohammedia' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ province: 'Mohammedia', version: report.version + 1 });
    const stale = await hotline.patch(`/api/reports/${report.id}`, { version: report.version, province: 'Settat' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const triaged = await hotline.post(`/api/reports/${report.id}/triage`, { version: 2, kind: 'trafficking_suspicion', urgency: 'urgent' });
    expect(triaged.json()).toMatchObject({ status: 'triaged', urgency: 'urgent', version: 3 });
    const screening = await hotline.post(`/api/reports/${report.id}/dispatches`, { version: 3, purpose: 'screening', agencyId: agencyIds['Gendarmerie'] });
    expect(screening.json()).toMatchObject({ status: 'screening_requested', version: 4 });
    expect(screening.json().dispatches[0]).toMatchObject({ purpose: 'screening', agencyId: agencyIds['Gendarmerie'] });
    const closed = await hotline.post(`/api/reports/${report.id}/close`, { version: 4, reason: 'no_trafficking_indicators' });
    expect(closed.json()).toMatchObject({ status: 'closed', closureReason: 'no_trafficking_indicators', allowedActions: ['report.read'] });
    const again = await hotline.patch(`/api/reports/${report.id}`, { version: 5, province: 'Settat' });
    expect(again.statusCode).toBe(409);
  });

  it('links a report to a case of the responder\'s agency, never to a case they cannot see', async () => {
    const report = (await hotline.post('/api/reports', { ...call, urgency: 'immediate_danger' })).json();
    const { pool } = sanad.ctx.database;
    const users = await pool.query("SELECT id, username FROM users WHERE username IN ('responder', 'casemanager')");
    const userId = (name: string) => users.rows.find((u) => u.username === name).id as string;
    /** A bare case row (the cases API is built separately); only ownership matters here. */
    const insertCase = async (agency: string, createdBy: string): Promise<string> => {
      const person = await pool.query('INSERT INTO persons DEFAULT VALUES RETURNING id');
      const row = await pool.query(
        "INSERT INTO cases (case_number, person_id, owner_agency_id, created_by) VALUES ('C-T-' || gen_random_uuid(), $1, $2, $3) RETURNING id",
        [person.rows[0].id, agencyIds[agency], createdBy],
      );
      return row.rows[0].id;
    };
    const ownCase = await insertCase('Police', userId('responder'));
    const otherCase = await insertCase('Ministry', userId('casemanager'));

    const hidden = await responder.post(`/api/reports/${report.id}/cases`, { caseId: otherCase });
    expect(hidden.statusCode).toBe(404);
    const linked = await responder.post(`/api/reports/${report.id}/cases`, { caseId: ownCase });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'linked', linkedCases: [{ id: ownCase, caseNumber: expect.stringMatching(/^C-T-/) }] });
    // The gendarmerie was not sent this report.
    expect((await gendarme.post(`/api/reports/${report.id}/cases`, { caseId: ownCase })).statusCode).toBe(404);
    // The hotline sees that a case came out of it, by its number, without seeing the case.
    const numbered = (await hotline.get(`/api/reports/${report.id}`)).json().linkedCases;
    expect(numbered).toEqual([{ id: ownCase, caseNumber: linked.json().linkedCases[0].caseNumber }]);
    expect((await hotline.get(`/api/cases/${ownCase}`)).statusCode).toBe(403);
  });

  it('lists reports most urgent first, filtered in SQL', async () => {
    const list = await hotline.get('/api/reports?pageSize=200');
    expect(list.statusCode).toBe(200);
    const ranks = { immediate_danger: 0, urgent: 1, standard: 2 } as const;
    const order = (list.json().items as { urgency: keyof typeof ranks }[]).map((r) => ranks[r.urgency]);
    expect(order).toEqual([...order].sort());
    expect(list.json().total).toBe(list.json().items.length);
    const open = (await hotline.get('/api/reports?status=open&urgency=immediate_danger')).json();
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((r: { status: string; urgency: string }) => r.urgency === 'immediate_danger' && r.status !== 'closed')).toBe(true);
    expect('narrative' in open.items[0]).toBe(false);
    // The work list marks emergencies still waiting for the police (computed in SQL per row).
    expect(open.items.some((r: { awaitingAcknowledgement: boolean }) => r.awaitingAcknowledgement)).toBe(true);
  });

  it('refuses the administrator every report route (403), and other roles the hotline work', async () => {
    const reportRoutes = sanad.routes.filter((r) => r.url.startsWith('/api/reports') && r.method !== 'HEAD');
    expect(reportRoutes.length).toBeGreaterThanOrEqual(8);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const route of reportRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/g, id);
      const response = await admin.request(route.method as 'GET', url, route.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    expect((await responder.post('/api/reports', { ...call, urgency: 'standard' })).statusCode).toBe(403);
  });
});
