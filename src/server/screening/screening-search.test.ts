import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
let responder: TestClient;

beforeAll(async () => {
  sanad = await startTestSanad({ pathway: true, demo: true });
  responder = await sanad.signIn('responder');
});
afterAll(async () => sanad?.close());

async function references(query: string): Promise<string[]> {
  const response = await responder.get(`/api/screenings?pageSize=200&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { reference: string }) => item.reference);
}

describe('searching screenings by reference', () => {
  it('finds one screening by its whole reference, in any case, or by its number', async () => {
    const all = await references('');
    expect(all.length).toBeGreaterThan(1);
    const target = all[all.length - 1]!;
    expect(await references(`reference=${target}`)).toEqual([target]);
    expect(await references(`reference=${target.toLowerCase()}`)).toEqual([target]);
    const number = target.slice(-6);
    expect(await references(`reference=${number}`)).toEqual(all.filter((r) => r.includes(number)));
    expect(await references('reference=SCR-1999-000001')).toEqual([]);
  });

  it('refuses a term that cannot be part of a reference, and audits the filter, not its value', async () => {
    expect((await responder.get('/api/screenings?reference=%25')).statusCode).toBe(400);
    await references('reference=000001');
    const { rows } = await sanad.ctx.database.pool.query(`SELECT details FROM audit_events WHERE action = 'screening.listed' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].details.filters).toEqual(['reference']);
  });
});
