import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { reindexPersons } from './person-reindex.js';

let sanad: TestSanad;
let responder: TestClient;

// Entered in Latin script only; searched below in Arabic script too.
const LATIN_PERSON = {
  givenNameLatin: 'Zakaria',
  familyNameLatin: 'Bouazzaoui',
  aliases: ['Zaki Tangerino'],
  birthYear: 1999,
  sex: 'Masculine',
  identityDocuments: [{ type: 'Passport', number: 'ZX 998877', issuingCountry: 'MA' }],
  contact: { phone: '+212 677 88 99 00', email: null, address: null },
};
// Entered in Arabic script, with a phone in the national form.
const ARABIC_PERSON = { givenNameAr: 'خديجة', familyNameAr: 'الوزاني', sex: 'Feminine', contact: { phone: '0612 44 55 66', email: null, address: null } };

let latinCase: { id: string; caseNumber: string };
let arabicCase: { id: string; caseNumber: string };

async function open(person: object, extra: object = {}) {
  const created = await responder.post('/api/cases', { person, region: 'MA-01', ...extra });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().case as { id: string; caseNumber: string };
}

async function found(q: string): Promise<string[]> {
  const response = await responder.get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  latinCase = await open(LATIN_PERSON, { openedAt: '2025-03-10' });
  arabicCase = await open(ARABIC_PERSON, { openedAt: '2025-06-20', region: 'MA-06' });
});
afterAll(async () => sanad?.close());

describe('searching the case list', () => {
  it('finds a person by a first name alone, a family name alone, an alias part, in any order and case', async () => {
    for (const q of ['Zakaria', 'bouazzaoui', 'BOUAZZAOUI zakaria', 'Tangerino', 'Zaki']) expect(await found(q), q).toEqual([latinCase.id]);
  });

  it('finds a Latin-entered name by its Arabic spelling, and an Arabic-entered one by its Latin spelling', async () => {
    expect(await found('زكرياء')).toEqual([latinCase.id]);
    expect(await found('زكرياء بوعزاوي')).toEqual([latinCase.id]);
    expect(await found('Khadija')).toEqual([arabicCase.id]);
    expect(await found('Ouazzani')).toEqual([arabicCase.id]);
    // The Arabic spelling itself, with and without its article.
    expect(await found('الوزاني')).toEqual([arabicCase.id]);
    expect(await found('وزاني')).toEqual([arabicCase.id]);
  });

  it('requires every word to match', async () => {
    expect(await found('Zakaria Khadija')).toEqual([]);
    expect(await found('Zakaria Nobody')).toEqual([]);
  });

  it('finds a person by passport number however it is typed', async () => {
    for (const q of ['ZX998877', 'zx 998877', 'ZX-998-877']) expect(await found(q), q).toEqual([latinCase.id]);
    expect(await found('ZX998878')).toEqual([]);
  });

  it('finds a person by phone in the +212, 00212 and 0 forms', async () => {
    for (const q of ['0677889900', '+212677889900', '00212 677 88 99 00', '+212 (0)677889900']) expect(await found(q), q).toEqual([latinCase.id]);
    for (const q of ['+212612445566', '0612445566']) expect(await found(q), q).toEqual([arabicCase.id]);
    // A foreign number with the same last digits is another number.
    expect(await found('+33 6 77 88 99 00')).toEqual([]);
  });

  it('still finds a case by its number', async () => {
    expect(await found(latinCase.caseNumber.toLowerCase())).toEqual([latinCase.id]);
  });

  it('keeps the search term out of the audit trail', async () => {
    await found('Bouazzaoui');
    const { rows } = await sanad.ctx.database.pool.query(`SELECT details::text AS d FROM audit_events WHERE action = 'case.listed' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].d).toContain('"searched": true');
    expect(rows[0].d).not.toMatch(/bouazzaoui/i);
  });
});

describe('what the database holds', () => {
  it('holds no plaintext name, name part, skeleton, passport or phone in any column of persons, their keys or cases', async () => {
    const { rows: columns } = await sanad.ctx.database.pool.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('persons', 'person_index_keys', 'cases')
          AND (data_type IN ('text', 'bytea', 'character varying', 'jsonb', 'json') OR data_type = 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    const values: string[] = [];
    for (const { table_name: table, column_name: column } of columns as { table_name: string; column_name: string }[]) {
      const { rows } = await sanad.ctx.database.pool.query(`SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}" IS NOT NULL`);
      for (const row of rows) values.push(String(row.v));
    }
    const dump = values.join('\n');
    for (const secret of ['Zakaria', 'Bouazzaoui', 'Tangerino', 'ZX998877', 'ZX 998877', '677889900', '677 88 99 00', 'خديجة', 'الوزاني', 'وزاني', '612445566']) {
      expect(dump.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
    // Skeletons are short: look for them as whole values only.
    for (const skeleton of ['zkr', 'bz', 'kdj', 'zn']) expect(values, skeleton).not.toContain(skeleton);
  });
});

describe('re-indexing persons indexed by an older scheme', () => {
  it('derives the missing keys at start, once, in batches', async () => {
    const { pool, db } = sanad.ctx.database;
    // As before migration 0015: no name-part keys, an older version.
    await pool.query(`DELETE FROM person_index_keys WHERE kind IN ('name_part', 'name_part_skeleton')`);
    await pool.query('UPDATE persons SET index_version = 0');
    expect(await found('Zakaria')).toEqual([]);
    const { rows: before } = await pool.query('SELECT count(*)::int AS n FROM persons');
    expect(await reindexPersons(db, sanad.ctx.keyring)).toBe(before[0].n);
    expect(await found('Zakaria')).toEqual([latinCase.id]);
    expect(await found('0677889900')).toEqual([latinCase.id]);
    expect(await reindexPersons(db, sanad.ctx.keyring)).toBe(0);
  });
});

describe('sorting and filtering the list', () => {
  async function numbers(query: string): Promise<string[]> {
    const response = await responder.get(`/api/cases?pageSize=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { caseNumber: string }) => item.caseNumber);
  }

  it('sorts by case number, both ways', async () => {
    const ascending = await numbers('sort=caseNumber&order=asc');
    expect(ascending).toEqual([...ascending].sort());
    expect(await numbers('sort=caseNumber&order=desc')).toEqual([...ascending].reverse());
  });

  it('filters by the opened-date range, bounds included', async () => {
    expect(await numbers('openedFrom=2025-03-10&openedTo=2025-03-10')).toEqual([latinCase.caseNumber]);
    expect(await numbers('openedFrom=2025-03-01&openedTo=2025-06-30&sort=openedAt&order=asc')).toEqual([latinCase.caseNumber, arabicCase.caseNumber]);
    expect((await responder.get('/api/cases?openedFrom=2025-02-30')).statusCode).toBe(400);
  });
});

describe('duplicate detection', () => {
  it('still flags the same person, and not someone who only shares a first name', async () => {
    const namesake = await open({ givenNameLatin: 'Zakaria', familyNameLatin: 'Tazi', birthYear: 1980, sex: 'Masculine' });
    const created = await responder.post('/api/cases', {
      person: { givenNameAr: 'زكرياء', familyNameAr: 'بوعزاوي', birthYear: 2000, sex: 'Masculine', contact: { phone: '00212677889900', email: null, address: null } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const candidates = created.json().duplicates as { caseId: string; reasons: string[] }[];
    expect(candidates.map((c) => c.caseId)).toEqual([latinCase.id]);
    expect(candidates[0]!.reasons).toEqual(expect.arrayContaining(['same_phone', 'similar_name_birth_year']));
    expect(candidates.map((c) => c.caseId)).not.toContain(namesake.id);
  });
});
