import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/**
 * Values the database refuses, sent through the real routes: each must be a
 * 400 VALIDATION_FAILED naming the field, never a 500 and never stored. The
 * schema walk (input-schemas.test.ts) proves the same for every field; this
 * file proves the whole path, error shape included.
 */

let sanad: TestSanad;
const clients: Record<string, TestClient> = {};
let nextAddress = 1;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  for (const username of ['responder', 'casemanager', 'hotline']) clients[username] = await sanad.signIn(username);
});
afterAll(async () => sanad?.close());

const ID = '00000000-0000-4000-8000-000000000000';
const IMPOSSIBLE = [
  ['2026-02-30', 'invalid_date'],
  ['0000-01-01', 'date_out_of_range'],
  ['2026-13-01', 'invalid_date'],
] as const;
const PERSON = { givenNameLatin: 'Amina', familyNameLatin: 'Test', sex: 'Feminine' };

/** Puts `value` at a dotted path of a copy of `body`. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

function expectFieldRefused(response: LightMyRequestResponse, field: string, reason?: string): void {
  expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
  const error = response.json().error;
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details.issues, response.body).toContainEqual(reason ? { field, reason } : expect.objectContaining({ field }));
}

// The date fields of the issue and every other one a case worker or the hotline can send.
const DATE_FIELDS: { user: string; method: 'POST' | 'PATCH' | 'PUT'; url: string; body: Record<string, unknown>; field: string; instant?: boolean }[] = [
  { user: 'casemanager', method: 'POST', url: '/api/cases', body: { person: PERSON }, field: 'person.birthDate' },
  { user: 'casemanager', method: 'POST', url: '/api/cases', body: { person: PERSON }, field: 'reflectionStart' },
  { user: 'casemanager', method: 'POST', url: '/api/cases', body: { person: PERSON }, field: 'reflectionEnd' },
  { user: 'casemanager', method: 'POST', url: '/api/cases', body: { person: PERSON }, field: 'statusDecidedAt' },
  { user: 'casemanager', method: 'POST', url: '/api/cases', body: { person: PERSON }, field: 'openedAt' },
  { user: 'casemanager', method: 'PATCH', url: `/api/cases/${ID}`, body: { version: 1 }, field: 'person.birthDate' },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/events`, body: { type: 'Recruitment', country: 'MA' }, field: 'startDate' },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/events`, body: { type: 'Recruitment', country: 'MA' }, field: 'endDate' },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/follow-ups`, body: { purpose: 'Call back' }, field: 'dueDate' },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/support-plans`, body: { type: 'Health', objectives: 'Care' }, field: 'plannedEndDate' },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/services`, body: { serviceType: 'medical', outcome: 'ongoing' }, field: 'startDate' },
  { user: 'casemanager', method: 'PUT', url: `/api/cases/${ID}/return`, body: { status: 'planned', returnCountry: 'SN', version: 0 }, field: 'returnDate' },
  { user: 'responder', method: 'POST', url: '/api/screenings', body: { indicatorSetId: ID, context: 'reactive', ageBand: '25_34', isChild: false, sex: 'Feminine', answers: {} }, field: 'screenedOn' },
  { user: 'responder', method: 'POST', url: `/api/screenings/${ID}/open-case`, body: { version: 1, person: PERSON }, field: 'person.birthDate' },
  { user: 'hotline', method: 'POST', url: '/api/reports', body: { kind: 'trafficking_suspicion', channel: 'hotline_call', urgency: 'standard' }, field: 'receivedAt', instant: true },
  { user: 'casemanager', method: 'POST', url: `/api/cases/${ID}/consents`, body: { type: 'data_processing', method: 'verbal' }, field: 'givenAt', instant: true },
];

describe('impossible dates', () => {
  it('are a 400 naming the field, with the reason, in every date field', async () => {
    for (const { user, method, url, body, field, instant } of DATE_FIELDS) {
      for (const [day, reason] of IMPOSSIBLE) {
        const value = instant ? `${day}T10:00:00Z` : day;
        expectFieldRefused(await clients[user]!.request(method, url, withValue(body, field, value)), field, reason);
      }
    }
  });

  it('are refused in a query too, and no case was stored by any of the attempts', async () => {
    expectFieldRefused(await clients['responder']!.get('/api/screenings/coverage?from=2026-02-30'), 'querystring.from', 'invalid_date');
    const { rows } = await sanad.ctx.database.pool.query('SELECT count(*)::int AS n FROM cases');
    expect(rows[0].n).toBe(0);
  });
});

describe('NUL bytes and control characters', () => {
  it('are refused on the public form without login, naming the field (province was a 500)', async () => {
    const narrative = 'Three young women are kept in a villa near the port; their passports were taken.';
    for (const [field, value] of [
      ['province', 'Agadir\u0000'],
      ['narrative', `${narrative}\u0000`],
      ['contact', 'phone\u0000 0600000000'],
      ['province', 'Agadir\u0007Ida'],
      ['province', 'Agadir\n'.repeat(3) + 'x'],
    ] as const) {
      const response = await sanad.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: `198.51.100.${nextAddress++}`,
        payload: { narrative, [field]: value },
      });
      expectFieldRefused(response, field, 'invalid_character');
    }
    const addition = await sanad.app.inject({
      method: 'POST',
      url: '/api/public/reports/additions',
      remoteAddress: `198.51.100.${nextAddress++}`,
      payload: { receiptCode: 'ABC-DEF-GHJ', text: 'more\u0000' },
    });
    expectFieldRefused(addition, 'text', 'invalid_character');
  });

  it('keep line breaks and tabs in free text (a narrative is several lines)', async () => {
    const response = await sanad.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: `198.51.100.${nextAddress++}`,
      payload: { narrative: 'First line of what I saw,\nand the second line,\r\n\twith a tab.' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('are refused in names, notes, report texts and searches', async () => {
    const cm = clients['casemanager']!;
    expectFieldRefused(await cm.post('/api/cases', { person: { ...PERSON, givenNameLatin: 'Am\u0000ina' } }), 'person.givenNameLatin', 'invalid_character');
    expectFieldRefused(await cm.post('/api/cases', { person: { ...PERSON, contact: { phone: '0600\u0000' } } }), 'person.contact.phone', 'invalid_character');
    expectFieldRefused(await cm.post(`/api/cases/${ID}/notes`, { body: 'note\u0000' }), 'body', 'invalid_character');
    expectFieldRefused(await cm.get('/api/cases?q=Am%00ina'), 'querystring.q', 'invalid_character');
    expectFieldRefused(await cm.get('/api/providers?q=%00'), 'querystring.q', 'invalid_character');
    const hotline = clients['hotline']!;
    expectFieldRefused(
      await hotline.post('/api/reports', { kind: 'trafficking_suspicion', channel: 'hotline_call', urgency: 'standard', province: 'Tanger\u0000' }),
      'province',
      'invalid_character',
    );
    // Half of a surrogate pair cannot be stored as UTF-8.
    expectFieldRefused(await cm.post('/api/cases', { person: { ...PERSON, familyNameLatin: 'Test\ud800' } }), 'person.familyNameLatin', 'invalid_character');
  });
});
