import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@shared/api/case-timeline.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { consentVia, createTestProviders, openCaseVia, shelterReferral, TEST_PERSON } from '../referrals/test-helpers.js';

let sanad: TestSanad;
let responder: TestClient;
let shelter: TestClient;
let analyst: TestClient;
let caseId: string;
let referralId: string;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const timelineOf = async (client: TestClient, id: string) => client.get(`/api/cases/${id}/timeline`);

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  shelter = await sanad.signIn('shelter');
  analyst = await sanad.signIn('analyst');
  const admin = await sanad.signIn('admin');
  const setup = await createTestProviders(sanad, admin, shelter, 5);
  caseId = await openCaseVia(responder);
  await consentVia(responder, caseId, setup.agency.get('shelter')!);
  const sent = await responder.post(`/api/cases/${caseId}/referrals`, shelterReferral(setup.shelterId, ['sex']));
  referralId = sent.json().id;
  expect((await shelter.post(`/api/referrals/${referralId}/accept`)).statusCode).toBe(200);
  expect((await responder.post(`/api/cases/${caseId}/notes`, { body: 'Secret note: she is afraid of the recruiter' })).statusCode).toBe(201);
  const service = await responder.post(`/api/cases/${caseId}/services`, { serviceType: 'psychosocial', startDate: '2025-01-15', outcome: 'ongoing', note: 'Private session notes' });
  expect(service.statusCode, service.body).toBe(201);
  const event = await responder.post(`/api/cases/${caseId}/events`, { type: 'Recruitment', country: 'NG', startDate: '2024-06-01', description: 'Promised a hairdressing job' });
  expect(event.statusCode, event.body).toBe(201);
});
afterAll(async () => sanad?.close());

describe('the case timeline', () => {
  it('lists what happened, newest first, from every part of the case, in one read on the record', async () => {
    const before = (await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.timelineViewed' AND resource_id = $1`, [caseId]))[0].n as number;
    const response = await timelineOf(responder, caseId);
    expect(response.statusCode, response.body).toBe(200);
    const { items, truncated } = response.json() as { items: TimelineEntry[]; truncated: boolean };
    expect(truncated).toBe(false);
    const steps = items.map((e) => `${e.kind}.${e.step}`);
    expect(steps).toEqual(expect.arrayContaining(['case.opened', 'consent.given', 'referral.sent', 'referral.accepted', 'note.written', 'service.delivered', 'event.happened']));
    const times = items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.find((e) => e.kind === 'referral' && e.step === 'sent')).toMatchObject({ resourceId: referralId, code: 'shelter', detail: 'Dar Al Amane test shelter', actorName: 'Youssef Benali' });
    expect(items.find((e) => e.kind === 'service')).toMatchObject({ code: 'psychosocial', detail: 'ongoing', dayOnly: true });
    const after = (await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.timelineViewed' AND resource_id = $1`, [caseId]))[0].n as number;
    expect(after).toBe(before + 1);
  });

  it('carries no free text and no identity: notes, descriptions and names stay in their tabs', async () => {
    const body = (await timelineOf(responder, caseId)).body;
    expect(body).not.toMatch(/Secret note|afraid|Private session|hairdressing|Blessing|Okafor/);
  });

  it('answers 404 outside the reader’s scope, with no read on the record', async () => {
    // A case manager not assigned to the case: not found, and nothing read.
    const casemanager = await sanad.signIn('casemanager');
    const reads = async () => (await query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.timelineViewed' AND resource_id = $1`, [caseId]))[0].n as number;
    const before = await reads();
    expect((await timelineOf(casemanager, caseId)).statusCode).toBe(404);
    expect(await reads()).toBe(before);
    // Roles without case access at all (a provider, an analyst) are refused.
    expect((await timelineOf(shelter, caseId)).statusCode).toBe(403);
    expect((await timelineOf(analyst, caseId)).statusCode).toBe(403);
  });
});

describe('a child’s case', () => {
  it('is flagged on the case and in the case list, from the age at opening', async () => {
    const thisYear = new Date().getUTCFullYear();
    const childId = await openCaseVia(responder, { person: { ...TEST_PERSON, givenNameLatin: 'Amina', birthYear: thisYear - 12 } });
    expect((await responder.get(`/api/cases/${childId}`)).json().isMinor).toBe(true);
    expect((await responder.get(`/api/cases/${caseId}`)).json().isMinor).toBe(false);
    const list = (await responder.get('/api/cases?pageSize=100')).json().items as { id: string; isMinor: boolean | null }[];
    expect(list.find((c) => c.id === childId)?.isMinor).toBe(true);
    expect(list.find((c) => c.id === caseId)?.isMinor).toBe(false);
  });
});
