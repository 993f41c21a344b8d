import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { seedCasesDemo } from '../cases/cases-demo.js';
import { seedScreeningDemo } from './screening-demo.js';

let sanad: TestSanad;
let ids: string[];
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  ids = await sanad.ctx.database.db.transaction(async (tx) => {
    await seedCasesDemo(tx, sanad.ctx);
    return seedScreeningDemo(tx, sanad.ctx);
  });
});
afterAll(async () => sanad?.close());

describe('demo screenings', () => {
  it('seeds about forty screenings, with a mostly negative or smuggling campaign in Oujda', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(35);
    const { rows } = await sanad.ctx.database.pool.query(`
      SELECT coalesce(outcome, suggested_outcome) AS outcome, count(*)::int AS n FROM screenings
      WHERE region = 'MA-02' AND context = 'proactive' AND vulnerable_group = 'undocumented_migrants' GROUP BY 1`);
    const byOutcome = Object.fromEntries(rows.map((r: { outcome: string; n: number }) => [r.outcome, r.n]));
    const total = rows.reduce((sum: number, r: { n: number }) => sum + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(15);
    expect((byOutcome['smuggled_migrant'] ?? 0) + (byOutcome['not_a_victim'] ?? 0)).toBeGreaterThan(total / 2);
    expect(byOutcome['smuggled_and_trafficked']).toBeGreaterThanOrEqual(1);
    expect(byOutcome['refer_for_assessment']).toBeGreaterThanOrEqual(1);
  });

  it('links confirmed positive screenings to police demo cases, both ways', async () => {
    const { rows } = await sanad.ctx.database.pool.query(`
      SELECT count(*)::int AS n FROM screenings s JOIN cases c ON c.id = s.case_id AND c.source_screening_id = s.id`);
    expect(rows[0].n).toBeGreaterThanOrEqual(3);
  });

  it('shows the responder their screenings and the coordinator the national coverage', async () => {
    const responder = await sanad.signIn('responder');
    const list = (await responder.get('/api/screenings?pageSize=5')).json();
    expect(list.total).toBe(ids.length);
    const detail = (await responder.get(`/api/screenings/${list.items[0].id}`)).json();
    expect(detail.suggestion.reasons.length).toBeGreaterThan(0);
    const coordinator = await sanad.signIn('coordinator');
    expect((await coordinator.get('/api/screenings/coverage')).json().total).toBe(ids.length);
  });
});
