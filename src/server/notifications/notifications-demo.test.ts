import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { seedNotificationsDemo } from './notifications-demo.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
});
afterAll(async () => sanad?.close());

describe('seedNotificationsDemo', () => {
  it('derives notifications from the demo pathway, once, without names', async () => {
    const { db, pool } = sanad.ctx.database;
    // The demo seed already ran it once; a second run adds nothing.
    const seeded = await pool.query(`SELECT count(*)::int AS n FROM notifications`);
    expect(seeded.rows[0].n).toBeGreaterThan(0);
    expect(await db.transaction((tx) => seedNotificationsDemo(tx, sanad.ctx))).toBe(0);
    const { rows } = await pool.query(`SELECT n.kind, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'responder' GROUP BY n.kind`);
    expect(rows.find((r) => r.kind === 'dispatch_received')?.n).toBeGreaterThan(0);
    // Params hold references and numbers only: never a person's name.
    const names = await pool.query(`SELECT DISTINCT jsonb_object_keys(params) AS key FROM notifications WHERE dedupe_key LIKE 'demo-%' OR dedupe_key LIKE 'reflection-ending:%'`);
    expect(names.rows.length).toBeGreaterThan(0);
    for (const { key } of names.rows) expect(['reference', 'caseNumber', 'endDate', 'purpose', 'urgency', 'serviceType']).toContain(key);
  });
});
