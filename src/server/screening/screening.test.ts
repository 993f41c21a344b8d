import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '@shared/api/screening.js';
import { DEMO_TOTP_SECRET } from '../demo/demo-accounts.js';
import { seal } from '../crypto/encrypted-columns.js';
import { users } from '../db/schema/index.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
let responder: TestClient;
let admin: TestClient;
let coordinator: TestClient;
let outsider: TestClient; // a first responder of another agency (gendarmerie)
let v1: IndicatorSet;

const SMUGGLING = ['smg_paid_for_crossing', 'smg_chose_journey', 'smg_irregular_entry'];
const PRESUMED_ADULT = ['gen_recruited_by_third_party', 'gen_documents_withheld', 'dom_always_on_call', 'dom_wages_to_others'];

/** A complete interview: the listed indicators "yes", every other one "no". */
function answers(yes: string[], set: IndicatorSet = v1): Record<string, string> {
  return Object.fromEntries(set.indicators.map((i) => [i.code, yes.includes(i.code) ? 'yes' : 'no']));
}

const OUJDA = { context: 'proactive', campaignName: 'Oujda outreach', vulnerableGroup: 'undocumented_migrants', place: 'Oujda bus station', region: 'MA-02', province: 'MA-OUJ', screenedOn: '2026-03-10' };
const REACTIVE = { context: 'reactive', region: 'MA-06', province: 'MA-CAS', screenedOn: '2026-03-12' };
const ADULT_MAN = { ageBand: '25_34', isChild: false, sex: 'Masculine', nationality: 'GN', language: 'fr' };

async function screen(client: TestClient, body: Record<string, unknown>) {
  const response = await client.post('/api/screenings', { indicatorSetId: v1.id, ...ADULT_MAN, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function signInNewUser(username: string, agencyName: string): Promise<TestClient> {
  const password = 'Tanger-Patrol-Unit-2026!x';
  const agencies = (await admin.get('/api/agencies?pageSize=100')).json().items as { id: string; nameEn: string }[];
  const agencyId = agencies.find((a) => a.nameEn === agencyName)!.id;
  // Created, approved by a second administrator and activated with the code, as the system requires.
  await sanad.addUser({ username, agencyId, roles: ['first_responder'] }, { password, by: admin });
  await sanad.ctx.database.pool.query('UPDATE users SET totp_pending_secret_enc = $1 WHERE username = $2', [seal(sanad.ctx.keyring, users.totpPendingSecretEnc, DEMO_TOTP_SECRET), username]);
  return sanad.signIn(username, password);
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, admin, coordinator] = [await sanad.signIn('responder'), await sanad.signIn('admin'), await sanad.signIn('coordinator')];
  outsider = await signInNewUser('gendarme.screen', 'Royal Gendarmerie – Tangier');
  const current = await responder.get('/api/screening/indicator-sets/current');
  expect(current.statusCode, current.body).toBe(200);
  v1 = current.json();
});
afterAll(async () => sanad?.close());

describe('indicator sets', () => {
  it('seeds version 1 on first use, with translated indicators', () => {
    expect(v1).toMatchObject({ version: 1, isCurrent: true });
    expect(v1.indicators.length).toBeGreaterThan(30);
    expect(v1.indicators.find((i) => i.code === 'gen_documents_withheld')).toMatchObject({ element: 'means', strong: true });
    for (const i of v1.indicators) expect(i.text.ar).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('screening interviews', () => {
  let negativeId: string;

  it('keeps a negative proactive screening without any identity, structurally', async () => {
    // Identity fields sent anyway are not stored: the schema has nowhere to put them.
    const created = await screen(responder, { ...OUJDA, answers: answers([]), givenNameLatin: 'Amadou', person: { familyNameLatin: 'Diallo' } });
    negativeId = created.id;
    expect(created).toMatchObject({ suggestedOutcome: 'not_a_victim', decisionStatus: 'pending', indicatorSetVersion: 1, ageBand: '25_34', nationality: 'GN' });
    const { rows: columns } = await sanad.ctx.database.pool.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'screenings'`);
    const names = columns.map((c: { column_name: string }) => c.column_name);
    expect(names).toContain('age_band');
    expect(names.filter((n: string) => /name(?!$)|given|family|birth|alias|contact|phone|address|document|email/.test(n) && n !== 'campaign_name')).toEqual([]);
    const { rows } = await sanad.ctx.database.pool.query('SELECT row_to_json(s)::text AS raw FROM screenings s WHERE id = $1', [negativeId]);
    expect(rows[0].raw).not.toMatch(/Amadou|Diallo/);
    const confirmed = await responder.post(`/api/screenings/${negativeId}/decision`, { version: 1, outcome: 'not_a_victim' });
    expect(confirmed.json()).toMatchObject({ outcome: 'not_a_victim', decisionStatus: 'confirmed', allowedActions: ['screening.read', 'screening.decide'] });
  });

  it('suggests smuggled migrant, and "both" for a smuggled migrant later exploited', async () => {
    expect((await screen(responder, { ...OUJDA, answers: answers([...SMUGGLING, 'gen_travel_controlled']) })).suggestedOutcome).toBe('smuggled_migrant');
    const both = await screen(responder, { ...OUJDA, answers: answers([...SMUGGLING, 'gen_recruited_by_third_party', 'gen_debt_bondage', 'fl_unpaid_or_deductions']) });
    expect(both.suggestion).toMatchObject({ outcome: 'smuggled_and_trafficked', traffickingLevel: 'presumed', elements: { act: true, means: true, purpose: true, smuggling: true } });
  });

  it('validates the interview', async () => {
    const noCampaign = await responder.post('/api/screenings', { indicatorSetId: v1.id, ...ADULT_MAN, context: 'proactive', answers: {} });
    expect(noCampaign.statusCode).toBe(400);
    expect(noCampaign.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['campaignName', 'vulnerableGroup']));
    const strange = await responder.post('/api/screenings', { indicatorSetId: v1.id, ...ADULT_MAN, ...REACTIVE, answers: { not_an_indicator: 'yes' } });
    expect(strange.json().error.details.issues).toEqual([{ field: 'answers.not_an_indicator', reason: 'unknown_indicator' }]);
    const mismatch = await responder.post('/api/screenings', { indicatorSetId: v1.id, ...ADULT_MAN, ageBand: '12_14', ...REACTIVE, answers: {} });
    expect(mismatch.statusCode).toBe(400);
    const foreignReport = await responder.post('/api/screenings', { indicatorSetId: v1.id, ...ADULT_MAN, ...REACTIVE, reportId: '00000000-0000-4000-8000-000000000000', answers: {} });
    expect(foreignReport.statusCode).toBe(404);
  });

  it('requires a reason to override, and keeps that reason encrypted', async () => {
    const created = await screen(responder, { ...REACTIVE, answers: answers(['gen_housed_by_controller']) });
    expect(created.suggestedOutcome).toBe('not_a_victim');
    const bare = await responder.post(`/api/screenings/${created.id}/decision`, { version: 1, outcome: 'possible_victim' });
    expect(bare.json().error.details.issues).toEqual([{ field: 'reason', reason: 'required' }]);
    const reason = 'Visible bruises; the employer answered for her.';
    const overridden = await responder.post(`/api/screenings/${created.id}/decision`, { version: 1, outcome: 'possible_victim', reason });
    expect(overridden.json()).toMatchObject({ outcome: 'possible_victim', decisionStatus: 'overridden', overrideReason: reason, version: 2 });
    expect((await responder.post(`/api/screenings/${created.id}/decision`, { version: 1, outcome: 'not_a_victim' })).statusCode).toBe(409);
    const { rows } = await sanad.ctx.database.pool.query('SELECT override_reason_enc FROM screenings WHERE id = $1', [created.id]);
    expect(rows[0].override_reason_enc).not.toContain('bruises');
  });

  it('opens a case from a confirmed presumed victim, linked to the screening, with duplicates', async () => {
    const created = await screen(responder, { ...REACTIVE, sex: 'Feminine', nationality: 'PH', answers: answers(PRESUMED_ADULT) });
    expect(created.suggestedOutcome).toBe('presumed_victim');
    const person = { givenNameLatin: 'Maricel', familyNameLatin: 'Santos', birthYear: 1994, citizenships: [] };
    expect((await responder.post(`/api/screenings/${created.id}/open-case`, { version: 1, person })).json().error.details.reason).toBe('no_victim_outcome');
    await responder.post(`/api/screenings/${created.id}/decision`, { version: 1, outcome: 'presumed_victim' });
    const opened = await responder.post(`/api/screenings/${created.id}/open-case`, { version: 2, person });
    expect(opened.statusCode, opened.body).toBe(201);
    const { caseId, caseNumber, duplicates } = opened.json();
    expect(caseNumber).toMatch(/^SAN-/);
    expect(duplicates).toEqual([]);
    const theCase = (await responder.get(`/api/cases/${caseId}`)).json();
    expect(theCase).toMatchObject({ sourceScreeningId: created.id, traffickingStatus: 'presumed', exploitationForms: ['domestic_servitude'], region: 'MA-06' });
    // The basics from the screening fill what the identity form left open.
    expect(theCase.person).toMatchObject({ givenNameLatin: 'Maricel', sex: 'Feminine', citizenships: ['PH'] });
    const detail = (await responder.get(`/api/screenings/${created.id}`)).json();
    expect(detail).toMatchObject({ caseId, caseNumber, allowedActions: ['screening.read'] });
    expect((await responder.post(`/api/screenings/${created.id}/open-case`, { version: 3, person })).json().error.details.reason).toBe('screening_case_opened');
    expect((await responder.post(`/api/screenings/${created.id}/decision`, { version: 3, outcome: 'not_a_victim', reason: 'changed my mind' })).statusCode).toBe(409);
  });

  it('answers 404 to another agency, and 403 to roles that never screen', async () => {
    const ours = (await responder.get('/api/screenings?pageSize=200')).json();
    const id = ours.items[0].id as string;
    expect((await outsider.get(`/api/screenings/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/screenings/${id}/decision`, { version: 1, outcome: 'not_a_victim', reason: 'probe' })).statusCode).toBe(404);
    expect((await outsider.get('/api/screenings')).json()).toEqual({ items: [], total: 0 });
    for (const [method, url] of [['GET', '/api/screenings'], ['GET', `/api/screenings/${id}`], ['POST', '/api/screenings'], ['POST', `/api/screenings/${id}/decision`], ['POST', `/api/screenings/${id}/open-case`]] as const) {
      expect((await admin.request(method, url, method === 'POST' ? {} : undefined)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await coordinator.get(`/api/screenings/${id}`)).statusCode).toBe(403);
    expect((await coordinator.get('/api/screenings')).statusCode).toBe(403);
  });

  it('lists with filters in SQL', async () => {
    const proactive = (await responder.get('/api/screenings?context=proactive')).json();
    expect(proactive.total).toBe(3);
    expect(proactive.items.every((s: { context: string }) => s.context === 'proactive')).toBe(true);
    const smuggled = (await responder.get('/api/screenings?outcome=smuggled_migrant')).json();
    expect(smuggled.total).toBe(1);
    const paged = (await responder.get('/api/screenings?page=2&pageSize=2')).json();
    expect(paged).toMatchObject({ total: 5 });
    expect(paged.items).toHaveLength(2);
  });
});

describe('coverage', () => {
  it('counts by context, group and outcome: agency scope for responders, national for the coordinator', async () => {
    await screen(outsider, { ...OUJDA, region: 'MA-01', province: 'MA-TNG', answers: answers(SMUGGLING) });
    const ours = (await responder.get('/api/screenings/coverage?from=2026-03-01&to=2026-03-31')).json();
    expect(ours.total).toBe(5);
    expect(ours.rows).toEqual([
      { context: 'proactive', vulnerableGroup: 'undocumented_migrants', outcome: 'not_a_victim', count: 1 },
      { context: 'proactive', vulnerableGroup: 'undocumented_migrants', outcome: 'smuggled_and_trafficked', count: 1 },
      { context: 'proactive', vulnerableGroup: 'undocumented_migrants', outcome: 'smuggled_migrant', count: 1 },
      { context: 'reactive', vulnerableGroup: null, outcome: 'possible_victim', count: 1 },
      { context: 'reactive', vulnerableGroup: null, outcome: 'presumed_victim', count: 1 },
    ]);
    const national = (await coordinator.get('/api/screenings/coverage')).json();
    expect(national.total).toBe(6);
    expect(national.rows.find((r: { outcome: string }) => r.outcome === 'smuggled_migrant').count).toBe(2);
    expect((await responder.get('/api/screenings/coverage?from=2026-03-11')).json().total).toBe(2);
    expect((await admin.get('/api/screenings/coverage')).statusCode).toBe(403);
  });
});

describe('indicator set versions', () => {
  it('saves an edit as version 2; old screenings keep version 1', async () => {
    const edited = v1.indicators.map((i) => (i.code === 'gen_isolated' ? { ...i, weight: 2, text: { ...i.text, en: 'Cut off from family and friends' } } : i));
    const body = { changeNote: 'Isolation weighs more', thresholds: v1.thresholds, indicators: edited };
    expect((await responder.request('PUT', `/api/screening/indicator-sets/${v1.id}`, body)).statusCode).toBe(403);
    const saved = await admin.request('PUT', `/api/screening/indicator-sets/${v1.id}`, body);
    expect(saved.statusCode, saved.body).toBe(201);
    const v2 = saved.json() as IndicatorSet;
    expect(v2).toMatchObject({ version: 2, isCurrent: true, changeNote: 'Isolation weighs more' });
    expect((await admin.request('PUT', `/api/screening/indicator-sets/${v1.id}`, body)).statusCode).toBe(409);
    expect((await responder.get('/api/screening/indicator-sets/current')).json().id).toBe(v2.id);

    const old = (await responder.get('/api/screenings?pageSize=200')).json().items[0];
    expect((await responder.get(`/api/screenings/${old.id}`)).json()).toMatchObject({ indicatorSetId: v1.id, indicatorSetVersion: 1 });
    const oldSet = (await responder.get(`/api/screening/indicator-sets/${v1.id}`)).json();
    expect(oldSet).toMatchObject({ version: 1, isCurrent: false });
    expect(oldSet.indicators.find((i: { code: string }) => i.code === 'gen_isolated').text.en).toBe(v1.indicators.find((i) => i.code === 'gen_isolated')!.text.en);

    const fresh = await screen(responder, { ...REACTIVE, indicatorSetId: v2.id, answers: answers([], v2) });
    expect(fresh.indicatorSetVersion).toBe(2);
    const versions = (await admin.get('/api/screening/indicator-sets')).json().items;
    expect(versions.map((v: { version: number; screeningCount: number }) => [v.version, v.screeningCount])).toEqual([[2, 1], [1, 6]]);
  });
});
