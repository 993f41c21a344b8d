import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { sweepReflectionPeriods, startNotificationSweeps } from './reflection-sweep.js';
import { dayAfter, demoUser, insertFixtureCase } from './test-fixtures.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

async function alertsFor(caseId: string): Promise<{ user_id: string; params: Record<string, string> }[]> {
  const { rows } = await sanad.ctx.database.pool.query(
    `SELECT user_id, params FROM notifications WHERE kind = 'reflection_period_ending' AND resource_type = 'case' AND resource_id = $1`,
    [caseId],
  );
  return rows;
}

describe('sweepReflectionPeriods', () => {
  it('alerts the case manager, assigned workers and owner agency responders once, and skips closed or far-off periods', async () => {
    const { pool, db } = sanad.ctx.database;
    const now = new Date();
    const responder = await demoUser(pool, 'responder');
    const manager = await demoUser(pool, 'casemanager');
    const shelter = await demoUser(pool, 'shelter');
    const endsSoon = dayAfter(now, 3);
    const ending = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-REFL-1', ownerAgencyId: responder.agencyId, createdBy: responder.id, caseManagerId: manager.id, reflectionEnd: endsSoon, alertDays: 7 });
    const closed = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-REFL-2', ownerAgencyId: responder.agencyId, createdBy: responder.id, caseManagerId: manager.id, status: 'Closed', reflectionEnd: endsSoon, alertDays: 7 });
    const farOff = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-REFL-3', ownerAgencyId: responder.agencyId, createdBy: responder.id, caseManagerId: manager.id, reflectionEnd: dayAfter(now, 20), alertDays: 7 });
    const ended = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-REFL-4', ownerAgencyId: responder.agencyId, createdBy: responder.id, caseManagerId: manager.id, reflectionEnd: dayAfter(now, 0), alertDays: 7 });

    const first = await sweepReflectionPeriods(db, now);
    const second = await sweepReflectionPeriods(db, now);
    expect(second).toBe(0);
    expect(first).toBeGreaterThanOrEqual(2);

    const alerts = await alertsFor(ending);
    expect(alerts.map((a) => a.user_id).sort()).toEqual([manager.id, responder.id].sort());
    expect(alerts.map((a) => a.user_id)).not.toContain(shelter.id);
    expect(alerts[0]!.params).toEqual({ caseNumber: 'SAN-TEST-REFL-1', endDate: endsSoon });
    expect(await alertsFor(closed)).toEqual([]);
    expect(await alertsFor(farOff)).toEqual([]);
    expect(await alertsFor(ended)).toEqual([]);
  });

  it('warns again when the end date moves, and reaches workers assigned to the case', async () => {
    const { pool, db } = sanad.ctx.database;
    const now = new Date();
    const responder = await demoUser(pool, 'responder');
    const manager = await demoUser(pool, 'casemanager');
    const caseId = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-REFL-5', ownerAgencyId: manager.agencyId, createdBy: manager.id, reflectionEnd: dayAfter(now, 2), alertDays: 5 });
    await pool.query(`INSERT INTO case_assignments (case_id, user_id, assigned_by) VALUES ($1, $2, $2)`, [caseId, manager.id]);
    await sweepReflectionPeriods(db, now);
    expect((await alertsFor(caseId)).map((a) => a.user_id)).toEqual([manager.id]);
    await pool.query(`UPDATE cases SET reflection_end = $2 WHERE id = $1`, [caseId, dayAfter(now, 4)]);
    await sweepReflectionPeriods(db, now);
    await sweepReflectionPeriods(db, now);
    expect(await alertsFor(caseId)).toHaveLength(2);
    expect((await alertsFor(caseId)).map((a) => a.user_id)).not.toContain(responder.id);
  });

  it('runs on a timer that can be stopped', async () => {
    const stop = startNotificationSweeps(sanad.ctx, 60_000);
    expect(typeof stop).toBe('function');
    stop();
  });
});
