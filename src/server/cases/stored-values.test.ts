import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOptional, sealOptional } from '../crypto/encrypted-columns.js';
import { persons } from '../db/schema/index.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/**
 * A value stored before the edge refused it (an impossible birth date, a NUL
 * in an encrypted name) must not lock the record: reading it answers 200 and
 * shows the unusable value as unknown; a later partial update keeps it.
 */

let sanad: TestSanad;
let casemanager: TestClient;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  casemanager = await sanad.signIn('casemanager');
});
afterAll(async () => sanad?.close());

/** A case whose stored identity is then overwritten, in SQL, with the given plaintext values (encrypted as the app does). */
async function caseWithStored(values: Record<string, string>): Promise<string> {
  const created = await casemanager.post('/api/cases', { person: { givenNameLatin: 'Stored', familyNameLatin: 'Value', birthYear: 1990 }, region: 'MA-06' });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().case.id as string;
  const { keyring, database } = sanad.ctx;
  for (const [column, plaintext] of Object.entries(values)) {
    const encrypted = [persons.givenNameLatEnc, persons.birthDateEnc, persons.birthYearEnc].find((c) => c.name === column)!;
    await database.pool.query(`UPDATE persons SET ${column} = $1 WHERE id = (SELECT person_id FROM cases WHERE id = $2)`, [sealOptional(keyring, encrypted, plaintext), caseId]);
  }
  return caseId;
}

describe('a record holding a value the edge now refuses', () => {
  it('opens (200) with a birth date 0000-01-01 and year 0 shown as unknown, and in the list', async () => {
    const caseId = await caseWithStored({ birth_date_enc: '0000-01-01', birth_year_enc: '0' });
    const detail = await casemanager.get(`/api/cases/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().person).toMatchObject({ givenNameLatin: 'Stored', birthDate: null, birthYear: null });
    expect((await casemanager.get('/api/cases')).statusCode).toBe(200);
  });

  it('opens with an impossible or malformed birth date, a non-numeric year and a NUL in a name', async () => {
    const cases: Record<string, string>[] = [
      { birth_date_enc: '2026-02-30', birth_year_enc: '2026' },
      { birth_date_enc: 'not a date', birth_year_enc: 'nineteen' },
      { given_name_lat_enc: 'Sto\u0000red' },
    ];
    for (const values of cases) {
      const caseId = await caseWithStored(values);
      const detail = await casemanager.get(`/api/cases/${caseId}`);
      expect(detail.statusCode, `${JSON.stringify(values)}: ${detail.body}`).toBe(200);
      if ('birth_date_enc' in values) expect(detail.json().person).toMatchObject({ birthDate: null });
    }
  });

  it('takes a partial update that does not touch the bad value, and keeps it stored', async () => {
    const caseId = await caseWithStored({ birth_date_enc: '0000-01-01' });
    const before = (await casemanager.get(`/api/cases/${caseId}`)).json();
    const patched = await casemanager.patch(`/api/cases/${caseId}`, { version: before.version, person: { givenNameLatin: 'Corrected' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().person).toMatchObject({ givenNameLatin: 'Corrected', familyNameLatin: 'Value' });
    const { rows } = await sanad.ctx.database.pool.query('SELECT birth_date_enc FROM persons WHERE id = (SELECT person_id FROM cases WHERE id = $1)', [caseId]);
    expect(openOptional(sanad.ctx.keyring, persons.birthDateEnc, rows[0].birth_date_enc), 'not sent, so kept as stored').toBe('0000-01-01');
    // Correcting the date itself is a normal edit.
    const fixed = await casemanager.patch(`/api/cases/${caseId}`, { version: patched.json().version, person: { birthDate: '1990-01-01' } });
    expect(fixed.json().person).toMatchObject({ birthDate: '1990-01-01', birthYear: 1990 });
  });
});
