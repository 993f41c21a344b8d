import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { verifyAuditChain } from '../audit/verify-chain.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
});
afterAll(async () => sanad?.close());

describe('demo data', () => {
  it('holds a living pathway: cases across regions, nationals and foreigners, every status', async () => {
    const { pool } = sanad.ctx.database;
    const cases = await pool.query(`SELECT count(*)::int AS n, count(DISTINCT region)::int AS regions, count(DISTINCT status)::int AS statuses FROM cases`);
    expect(cases.rows[0].n).toBeGreaterThanOrEqual(30);
    expect(cases.rows[0].regions).toBeGreaterThanOrEqual(8);
    expect(cases.rows[0].statuses).toBeGreaterThanOrEqual(3);
    const nationalities = await pool.query(`SELECT count(DISTINCT c)::int AS n FROM persons, unnest(citizenships) AS c`);
    expect(nationalities.rows[0].n).toBeGreaterThanOrEqual(5);
    const reports = await pool.query(`SELECT count(*)::int AS n FROM reports`);
    expect(reports.rows[0].n).toBeGreaterThanOrEqual(30);
    const providers = await pool.query(`SELECT count(*)::int AS n FROM service_providers`);
    expect(providers.rows[0].n).toBeGreaterThanOrEqual(5);
    const screenings = await pool.query(`SELECT count(*)::int AS n, count(DISTINCT outcome)::int AS outcomes FROM screenings`);
    expect(screenings.rows[0].n).toBeGreaterThanOrEqual(20);
    expect(screenings.rows[0].outcomes).toBeGreaterThanOrEqual(3);
    const referrals = await pool.query(`SELECT count(DISTINCT status)::int AS statuses FROM referrals`);
    expect(referrals.rows[0].statuses).toBeGreaterThanOrEqual(4);
  });

  it('leaves an intact audit trail', async () => {
    expect((await verifyAuditChain(sanad.ctx.database.pool)).ok).toBe(true);
  });

  it('is not seeded twice', async () => {
    const { seedDemoIfEmpty } = await import('./seed-demo.js');
    expect(await seedDemoIfEmpty(sanad.ctx)).toBe(false);
  });
});
