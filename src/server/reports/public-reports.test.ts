import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_PATTERN } from '@shared/api/reports.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { PUBLIC_REPORT_RATE_LIMIT } from './public-report-routes.js';

let sanad: TestSanad;
let hotline: TestClient;
let nextAddress = 1;

/** Each test posts from its own address, so the per-IP limit of one test does not spill into another. */
function publicClient() {
  const remoteAddress = `203.0.113.${nextAddress++}`;
  return (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    sanad.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
}

const suspicion = {
  narrative: 'Three young women from Beni Mellal are kept in a villa in Agadir; their passports were taken. One is called Salma Ouhadi.',
  exploitationForms: ['sexual_exploitation'],
  region: 'MA-09',
  province: 'Agadir Ida-Outanane',
  peopleAtRisk: 3,
  minorsInvolved: false,
  immediateDanger: false,
  language: 'fr',
  contact: 'salma.friend@example.org',
};

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  hotline = await sanad.signIn('hotline');
});
afterAll(async () => sanad?.close());

describe('public reporting', () => {
  it('takes a report without login, answers with a receipt code, and files it in the hotline queue', async () => {
    const post = publicClient();
    const response = await post('/api/public/reports', suspicion);
    expect(response.statusCode).toBe(201);
    const { receiptCode } = response.json();
    expect(receiptCode).toMatch(RECEIPT_PATTERN);
    expect(Object.keys(response.json())).toEqual(['receiptCode']);

    const queue = (await hotline.get('/api/reports?status=new')).json();
    const filed = queue.items.find((r: { channel: string; province: string }) => r.channel === 'online_form' && r.province === suspicion.province);
    expect(filed).toMatchObject({ kind: 'trafficking_suspicion', urgency: 'standard', region: 'MA-09', exploitationForms: ['sexual_exploitation'] });

    // Narrative, contact and receipt code are unreadable in the raw row; the audit keeps no IP.
    const raw = await sanad.ctx.database.pool.query('SELECT * FROM reports WHERE id = $1', [filed.id]);
    const dump = JSON.stringify(raw.rows[0]);
    for (const secret of ['Salma', 'passports', 'example.org', receiptCode, receiptCode.replace(/-/g, '')]) expect(dump).not.toContain(secret);
    const audit = await sanad.ctx.database.pool.query("SELECT ip, actor_username FROM audit_events WHERE resource_id = $1", [filed.id]);
    expect(audit.rows).toEqual([{ ip: null, actor_username: 'public' }]);

    // Information added later with the receipt code reaches the operator.
    const added = await post('/api/public/reports/additions', { receiptCode: receiptCode.toLowerCase(), text: 'They were moved to Inezgane yesterday.' });
    expect(added.statusCode).toBe(202);
    const detail = (await hotline.get(`/api/reports/${filed.id}`)).json();
    expect(detail.narrative).toBe(suspicion.narrative);
    expect(detail.reporterContact).toBe(suspicion.contact);
    expect(detail.additions.map((a: { text: string }) => a.text)).toEqual(['They were moved to Inezgane yesterday.']);
  });

  it('answers an unknown receipt code exactly like a known one', async () => {
    const post = publicClient();
    const { receiptCode } = (await post('/api/public/reports', suspicion)).json();
    const known = await post('/api/public/reports/additions', { receiptCode, text: 'More details.' });
    const unknown = await post('/api/public/reports/additions', { receiptCode: 'ZZZ-ZZZ-ZZZ', text: 'More details.' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
  });

  it('rejects a 1 MB narrative, a too-long narrative, unknown fields and malformed JSON with the error shape', async () => {
    const post = publicClient();
    const huge = await post('/api/public/reports', { ...suspicion, narrative: 'x'.repeat(1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const long = await post('/api/public/reports', { ...suspicion, narrative: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
    expect(long.json().error.details.issues).toEqual([{ field: 'narrative', reason: 'too_big' }]);

    const extra = await post('/api/public/reports', { ...suspicion, ownerAgencyId: '00000000-0000-4000-8000-000000000000' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');

    const malformed = await post('/api/public/reports', '{"narrative": "unterminated');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'malformed_json' } });
  });

  it('rate-limits each client address (429 RATE_LIMITED with a retry time)', async () => {
    const post = publicClient();
    for (let i = 0; i < PUBLIC_REPORT_RATE_LIMIT.max; i += 1) expect((await post('/api/public/reports', suspicion)).statusCode).toBe(201);
    const limited = await post('/api/public/reports', suspicion);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another reporter is not affected.
    expect((await publicClient()('/api/public/reports', suspicion)).statusCode).toBe(201);
  });

  it('flags a reported immediate danger for the operator without dispatching it on its own', async () => {
    const post = publicClient();
    await post('/api/public/reports', { ...suspicion, immediateDanger: true, province: 'Taroudant' });
    const queue = (await hotline.get('/api/reports?urgency=immediate_danger&status=new')).json();
    const flagged = queue.items.find((r: { province: string }) => r.province === 'Taroudant');
    expect(flagged).toMatchObject({ channel: 'online_form', awaitingAcknowledgement: false });
    // The operator's triage confirms it and sends it to law enforcement.
    const triaged = await hotline.post(`/api/reports/${flagged.id}/triage`, { version: flagged.version, kind: 'trafficking_suspicion', urgency: 'immediate_danger' });
    expect(triaged.json()).toMatchObject({ status: 'dispatched', awaitingAcknowledgement: true });
    expect(triaged.json().dispatches[0].purpose).toBe('emergency');
  });
});
