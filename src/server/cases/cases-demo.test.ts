import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { seedCasesDemo } from './cases-demo.js';

let sanad: TestSanad;
let ids: string[];
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  ids = await sanad.ctx.database.db.transaction((tx) => seedCasesDemo(tx, sanad.ctx));
});
afterAll(async () => sanad?.close());

describe('demo cases', () => {
  it('seeds three dozen cases across regions, forms, nationalities and statuses', async () => {
    expect(ids).toHaveLength(36);
    const { rows } = await sanad.ctx.database.pool.query(`
      SELECT count(DISTINCT c.region)::int AS regions, count(DISTINCT c.status)::int AS statuses,
             count(DISTINCT f)::int AS forms, count(DISTINCT p.citizenships[1])::int AS nationalities
      FROM cases c JOIN persons p ON p.id = c.person_id, unnest(c.exploitation_forms) f`);
    expect(rows[0]).toMatchObject({ regions: 12, statuses: 4 });
    expect(rows[0].forms).toBeGreaterThanOrEqual(6);
    expect(rows[0].nationalities).toBeGreaterThanOrEqual(9);
  });

  it('gives the police responder and the case manager their own work, and shows the duplicate pair', async () => {
    const responder = await sanad.signIn('responder');
    const manager = await sanad.signIn('casemanager');
    const police = (await responder.get('/api/cases?pageSize=100')).json();
    const social = (await manager.get('/api/cases?pageSize=100')).json();
    expect(police.total).toBeGreaterThan(10);
    expect(social.total).toBeGreaterThan(10);
    const alaoui = (await manager.get(`/api/cases?q=${encodeURIComponent('Mohamed Alaoui')}`)).json().items[0];
    const duplicates = (await manager.get(`/api/cases/${alaoui.id}/duplicates`)).json().items;
    expect(duplicates.some((d: { reasons: string[] }) => d.reasons.includes('similar_name_birth_year'))).toBe(true);
  });
});
