import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { notify } from './notify.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

describe('notify', () => {
  it('notifies an agency’s users by role, once per dedupe key, never the actor', async () => {
    const { pool, db } = sanad.ctx.database;
    const { rows } = await pool.query(`SELECT id, agency_id FROM users WHERE username = 'shelter'`);
    const shelter = rows[0];
    const send = () =>
      db.transaction((tx) =>
        notify(tx, {
          recipients: { agencyId: shelter.agency_id, roles: ['service_provider'] },
          kind: 'referral_overdue',
          resourceType: 'referral',
          resourceId: 'r-1',
          params: { caseNumber: 'SAN-2026-000001' },
          dedupeKey: 'referral-overdue:r-1',
        }),
      );
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const mine = await db.transaction((tx) =>
      notify(tx, { recipients: { userIds: [shelter.id] }, kind: 'referral_received', resourceType: 'referral', resourceId: 'r-2', exceptUserId: shelter.id }),
    );
    expect(mine).toBe(0);
    const count = await pool.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [shelter.id]);
    expect(count.rows[0].n).toBe(1);
  });
});
