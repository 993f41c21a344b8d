import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListFilters } from '@shared/api/cases.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import type { Actor } from '../policies/authorize.js';
import { exportPage, type CaseCursor } from './case-queries.js';
import { csvCell } from '../exports/csv.js';

let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;

const FILTERS: CaseListFilters = { includeMerged: 'false', sort: 'openedAt', order: 'desc' };

/** Parses our own CSV (every cell quoted, CRLF rows). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

async function exported(client: TestClient, body: object) {
  const response = await client.post('/api/cases/export', body);
  expect(response.statusCode, response.body).toBe(200);
  return { response, rows: parseCsv(response.body) };
}

async function listed(client: TestClient, query: string): Promise<string[]> {
  const response = await client.get(`/api/cases?pageSize=200&${query}`);
  return response.json().items.map((item: { caseNumber: string }) => item.caseNumber);
}

beforeAll(async () => {
  sanad = await startTestSanad({ pathway: true, demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  for (const [given, openedAt] of [['=HYPERLINK("http://x")', '2024-01-02'], ['+Samira', '2024-01-03'], ['@Nadia', '2024-01-03']] as const) {
    const created = await responder.post('/api/cases', { person: { givenNameLatin: given, familyNameLatin: 'Exportova' }, region: 'MA-04', openedAt });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(async () => sanad?.close());

describe('exporting the case list', () => {
  it('guards every cell a spreadsheet would read as a formula', () => {
    expect(['=1+1', '+212', '-2', '@SUM(A1)', '\tx', '\rx', 'Fatima', null].map(csvCell)).toEqual([
      `"'=1+1"`, `"'+212"`, `"'-2"`, `"'@SUM(A1)"`, `"'\tx"`, `"'\rx"`, '"Fatima"', '""',
    ]);
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
  });

  it('exports the filtered, sorted list as CSV: the same rows as the list, in its order, names guarded', async () => {
    const { response, rows } = await exported(responder, { q: 'Exportova', sort: 'openedAt', order: 'asc' });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="sanad-cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.startsWith('\uFEFF"case_number","person_name"')).toBe(true);
    expect(rows[0]).toEqual(['case_number', 'person_name', 'status', 'trafficking_status', 'region', 'owner_agency', 'case_manager', 'exploitation_forms', 'risk_level', 'opened_at']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(await listed(responder, 'q=Exportova&sort=openedAt&order=asc'));
    expect(rows.slice(1).map((r) => r[1])).toEqual([`'=HYPERLINK("http://x") Exportova`, "'+Samira Exportova", "'@Nadia Exportova"]);
  });

  it('exports everything in scope when unfiltered, in each sort order the list has', async () => {
    for (const [sort, order] of [['caseNumber', 'asc'], ['status', 'desc'], ['region', 'asc'], ['openedAt', 'desc']] as const) {
      const { rows } = await exported(responder, { sort, order });
      expect(rows.slice(1).map((r) => r[0]), `${sort} ${order}`).toEqual(await listed(responder, `sort=${sort}&order=${order}`));
    }
  });

  it('keeps to the exporter\'s scope', async () => {
    const { rows } = await exported(casemanager, {});
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual((await listed(casemanager, '')).sort());
    expect(rows.some((r) => r[1]?.includes('Exportova'))).toBe(false);
  });

  it('records the export as its own action, with the filters used and the rows, never the search term', async () => {
    await exported(responder, { q: 'Exportova', status: 'Active', openedFrom: '2024-01-01' });
    const { rows } = await sanad.ctx.database.pool.query(`SELECT details FROM audit_events WHERE action = 'case.exported' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].details).toMatchObject({ format: 'csv', rows: 3, searched: true, filters: ['status', 'openedFrom'] });
    expect(JSON.stringify(rows[0].details)).not.toContain('Exportova');
  });

  it('is refused to a role without the export, and answers a bad filter with 400', async () => {
    expect((await (await sanad.signIn('hotline')).post('/api/cases/export', {})).statusCode).toBe(403);
    expect((await responder.post('/api/cases/export', { openedTo: '2024-02-30' })).statusCode).toBe(400);
  });
});

describe('export pages', () => {
  it('walks the whole list by keyset, page after page, without gaps or repeats, in every order', async () => {
    const { rows } = await sanad.ctx.database.pool.query(`SELECT id, username, agency_id, roles FROM users WHERE username = 'responder'`);
    const actor: Actor = { userId: rows[0].id, username: rows[0].username, agencyId: rows[0].agency_id, roles: rows[0].roles };
    for (const [sort, order] of [['openedAt', 'desc'], ['region', 'asc'], ['status', 'asc'], ['caseNumber', 'desc']] as const) {
      const filters = { ...FILTERS, sort, order };
      const whole = await sanad.ctx.database.db.transaction((tx) => exportPage(tx, sanad.ctx.keyring, actor, filters, null, 10_000));
      const walked: string[] = [];
      let cursor: CaseCursor | null = null;
      do {
        const page: Awaited<ReturnType<typeof exportPage>> = await sanad.ctx.database.db.transaction((tx) => exportPage(tx, sanad.ctx.keyring, actor, filters, cursor, 2));
        walked.push(...page.items.map((item) => item.caseNumber));
        cursor = page.next;
      } while (cursor);
      expect(whole.items.length).toBeGreaterThan(4);
      expect(walked, `${sort} ${order}`).toEqual(whole.items.map((item) => item.caseNumber));
    }
  });
});
