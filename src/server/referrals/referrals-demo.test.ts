import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { pathwayHealthFigures } from '../worklists/pathway-health.js';

let sanad: TestSanad;
let ids: string[];
let shelter: TestClient;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  // The demo pathway seed ran seedReferralsDemo.
  ids = (await sanad.ctx.database.pool.query<{ id: string }>(`SELECT id FROM referrals`)).rows.map((r) => r.id);
  shelter = await sanad.signIn('shelter');
});
afterAll(async () => sanad?.close());

describe('demo referrals', () => {
  it('seeds referrals in every stage, a closed case after a voluntary return with IOM, plans and follow-ups', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(9);
    const { rows } = await sanad.ctx.database.pool.query(`SELECT array_agg(DISTINCT status ORDER BY status) AS statuses, count(*) FILTER (WHERE consent_override)::int AS overrides FROM referrals`);
    expect(rows[0].statuses).toEqual(['accepted', 'cancelled', 'completed', 'declined', 'in_progress', 'sent'].filter((s) => s !== 'accepted'));
    expect(rows[0].overrides).toBe(1);
    const closed = await sanad.ctx.database.pool.query(`SELECT c.status, c.closure_reason, r.iom_involved FROM case_returns r JOIN cases c ON c.id = r.case_id`);
    expect(closed.rows).toEqual([{ status: 'Closed', closure_reason: 'VoluntaryReturnCompleted', iom_involved: true }]);
    const care = await sanad.ctx.database.pool.query(`SELECT (SELECT count(*)::int FROM support_plans) AS plans, (SELECT count(*)::int FROM case_follow_ups) AS follow_ups, (SELECT count(*)::int FROM services_delivered) AS services`);
    expect(care.rows[0]).toEqual({ plans: 2, follow_ups: 2, services: 3 });
    const health = await pathwayHealthFigures(sanad.ctx.database.db, new Date());
    expect(health.overdueWaiting).toBe(3); // two overdue stages and the override emergency
    expect(health.overridesPendingReview).toBe(1);
    expect(health.victimsNotReferred).toBeGreaterThan(0);
  });

  it('shows the shelter its incoming queue with the overdue emergency first', async () => {
    const work = (await shelter.get('/api/worklists/shelter')).json();
    expect(work.incoming[0]).toMatchObject({ status: 'sent', urgency: 'emergency', overdue: true });
    expect(work.beds[0].bedsOccupied).toBe(20);
  });
});
