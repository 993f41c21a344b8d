import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/**
 * A case may name the report and the screening it came from only when its
 * author can see them: anything else answers 404, as any record out of scope,
 * so creating a case is no oracle for whether a report or screening exists.
 */
let sanad: TestSanad;
let hotline: TestClient;
let responder: TestClient;
let casemanager: TestClient;
let dispatchedReportId: string;
let undispatchedReportId: string;
let ownScreeningId: string;
let foreignScreeningId: string;
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const caseCount = async () => (await query('SELECT count(*)::int AS n FROM cases'))[0].n as number;

const CASE = {
  person: { givenNameLatin: 'Grace', familyNameLatin: 'Adeyemi', birthYear: 2001, sex: 'Feminine', citizenships: ['NG'], languages: ['en'] },
  region: 'MA-06',
  province: 'MA-CAS',
  traffickingStatus: 'presumed',
  exploitationForms: ['sexual_exploitation'],
};
const REPORT = {
  kind: 'trafficking_suspicion', channel: 'hotline_call', callerType: 'relative', language: 'ary', region: 'MA-06', province: 'Casablanca',
  narrative: 'A neighbour says a young woman is kept in a flat and never goes out.', exploitationForms: ['domestic_servitude'], peopleAtRisk: 1, minorsInvolved: false,
};

async function report(urgency: string): Promise<string> {
  const response = await hotline.post('/api/reports', { ...REPORT, urgency });
  if (response.statusCode !== 201) throw new Error(`report failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
async function screening(): Promise<string> {
  const set = (await responder.get('/api/screening/indicator-sets/current')).json() as { id: string; indicators: { code: string }[] };
  const answers = Object.fromEntries(set.indicators.map((i) => [i.code, 'no']));
  const body = { indicatorSetId: set.id, ageBand: '25_34', isChild: false, sex: 'Feminine', nationality: 'NG', language: 'en', context: 'reactive', region: 'MA-06', province: 'MA-CAS', screenedOn: '2026-03-12', answers };
  const response = await responder.post('/api/screenings', body);
  if (response.statusCode !== 201) throw new Error(`screening failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [hotline, responder, casemanager] = [await sanad.signIn('hotline'), await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  dispatchedReportId = await report('immediate_danger');
  undispatchedReportId = await report('standard');
  ownScreeningId = await screening();
  foreignScreeningId = await screening();
  // Another agency's screening: the responder's own, moved to the social services' agency.
  await query(`UPDATE screenings SET owner_agency_id = (SELECT agency_id FROM users WHERE username = 'casemanager') WHERE id = $1`, [foreignScreeningId]);
  expect((await responder.get(`/api/reports/${dispatchedReportId}`)).statusCode).toBe(200);
  expect((await responder.get(`/api/reports/${undispatchedReportId}`)).statusCode).toBe(404);
});
afterAll(async () => sanad?.close());

describe('a new case naming its sources', () => {
  it('answers 404 for a report or screening out of the author’s scope, or that does not exist, and stores nothing', async () => {
    const before = await caseCount();
    const refused: [TestClient, Record<string, string>][] = [
      [responder, { sourceReportId: undispatchedReportId }],
      [responder, { sourceReportId: RANDOM_ID }],
      [responder, { sourceScreeningId: foreignScreeningId }],
      [responder, { sourceScreeningId: RANDOM_ID }],
      [responder, { sourceScreeningId: ownScreeningId, sourceReportId: undispatchedReportId }],
      // A case manager reads no report and no screening at all.
      [casemanager, { sourceReportId: dispatchedReportId }],
      [casemanager, { sourceScreeningId: ownScreeningId }],
    ];
    for (const [client, sources] of refused) {
      const response = await client.post('/api/cases', { ...CASE, ...sources });
      expect(response.statusCode, `${JSON.stringify(sources)}: ${response.body}`).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect(await caseCount()).toBe(before);
  });

  it('answers the same for a record that exists out of scope and one that does not', async () => {
    const foreign = await responder.post('/api/cases', { ...CASE, sourceScreeningId: foreignScreeningId });
    const missing = await responder.post('/api/cases', { ...CASE, sourceScreeningId: RANDOM_ID });
    expect(foreign.body).toBe(missing.body);
  });

  it('keeps sources the author can see', async () => {
    const created = await responder.post('/api/cases', { ...CASE, sourceReportId: dispatchedReportId, sourceScreeningId: ownScreeningId });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().case).toMatchObject({ sourceReportId: dispatchedReportId, sourceScreeningId: ownScreeningId });
  });
});
