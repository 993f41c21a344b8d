import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../demo/demo-accounts.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { DEMO_RECEIPT_CODE, seedReportsDemo } from './reports-demo.js';
import { receiptHash } from './receipt-codes.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

describe('reports demo seed', () => {
  it('seeds a varied, deterministic, encrypted set of reports', async () => {
    const { pool, db } = sanad.ctx.database;
    const agencies = await pool.query('SELECT id, name FROM agencies');
    const agencyIds = Object.fromEntries(DEMO_AGENCIES.map((a) => [a.key, agencies.rows.find((r) => r.name === a.name).id]));
    const users = await pool.query('SELECT id, username FROM users');
    const userIds = Object.fromEntries(users.rows.map((u) => [u.username, u.id]));
    const now = new Date('2026-03-01T10:00:00Z');
    const seeded = await db.transaction((tx) => seedReportsDemo(tx, sanad.ctx, { agencyIds, userIds, now }));
    expect(seeded.reportIds).toHaveLength(60);
    expect(seeded.caseCandidateIds.length).toBeGreaterThan(3);

    const facets = await pool.query(`SELECT count(DISTINCT region) AS regions, count(DISTINCT channel) AS channels,
      count(DISTINCT status) AS statuses, count(DISTINCT kind) AS kinds, count(DISTINCT urgency) AS urgencies,
      min(received_at) AS first, max(received_at) AS last FROM reports`);
    const f = facets.rows[0];
    expect(Number(f.regions)).toBeGreaterThanOrEqual(8);
    expect(Number(f.channels)).toBeGreaterThanOrEqual(4);
    expect(Number(f.statuses)).toBeGreaterThanOrEqual(4);
    expect(Number(f.kinds)).toBe(4);
    expect(Number(f.urgencies)).toBe(3);
    expect(now.getTime() - new Date(f.first).getTime()).toBeLessThanOrEqual(549 * 86_400_000);

    // Every emergency an operator handled was dispatched; the narratives are ciphertext.
    const undispatched = await pool.query(`SELECT count(*) AS n FROM reports r WHERE urgency = 'immediate_danger' AND status <> 'new'
      AND NOT EXISTS (SELECT 1 FROM report_dispatches d WHERE d.report_id = r.id AND d.purpose = 'emergency')`);
    expect(Number(undispatched.rows[0].n)).toBe(0);
    const plain = await pool.query(`SELECT count(*) AS n FROM reports WHERE narrative_enc NOT LIKE 'v1.%'`);
    expect(Number(plain.rows[0].n)).toBe(0);
    const withReceipt = await pool.query('SELECT count(*) AS n FROM reports WHERE receipt_hash = $1', [receiptHash(sanad.ctx.keyring, DEMO_RECEIPT_CODE)]);
    expect(Number(withReceipt.rows[0].n)).toBe(1);

    // True to the retention rule: a report closed more than 365 days before "today" is seeded already erased.
    const retention = await pool.query(`SELECT count(*) FILTER (WHERE erased_at IS NOT NULL)::int AS erased,
      count(*) FILTER (WHERE erased_at IS NULL AND closed_at <= $1::timestamptz - interval '365 days')::int AS overdue,
      count(*) FILTER (WHERE erased_at IS NOT NULL AND (narrative_enc IS NOT NULL OR receipt_hash IS NOT NULL))::int AS leaky FROM reports`, [now.toISOString()]);
    expect(retention.rows[0]).toMatchObject({ overdue: 0, leaky: 0 });
    expect(retention.rows[0].erased).toBeGreaterThan(0);
  });
});
