import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
});
afterAll(async () => sanad?.close());

interface Row {
  action: string;
  actorName: string | null;
  resourceType: string | null;
  resourceLabel: string | null;
  outcome: string;
  occurredAt: string;
}

describe('the auditor screen', () => {
  it('names records and people in words, and filters by action, kind of record, outcome and period', async () => {
    const police = await sanad.signIn('responder');
    const listed = await police.get('/api/cases?page=1');
    expect(listed.statusCode, listed.body).toBe(200);
    const cases = listed.json().items as { id: string; caseNumber: string }[];
    expect((await police.get(`/api/cases/${cases[0]!.id}`)).statusCode).toBe(200);

    const auditor = await sanad.signIn('auditor');
    const viewed = await auditor.get('/api/audit?page=1&action=case.viewed&resourceType=case&outcome=success');
    expect(viewed.statusCode).toBe(200);
    const items = viewed.json().items as Row[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.action === 'case.viewed' && r.outcome === 'success')).toBe(true);
    // The case by its number and the person by their name, never a bare id.
    expect(items[0]!.resourceLabel).toBe(cases[0]!.caseNumber);
    expect(items[0]!.actorName).toBe('Youssef Benali');

    const today = new Date().toISOString().slice(0, 10);
    const inPeriod = (await auditor.get(`/api/audit?page=1&from=${today}&to=${today}`)).json() as { total: number; items: Row[] };
    expect(inPeriod.total).toBeGreaterThan(0);
    expect(inPeriod.items.every((r) => r.occurredAt.startsWith(today))).toBe(true);
    expect((await auditor.get('/api/audit?page=1&from=2001-01-01&to=2001-01-31')).json().total).toBe(0);

    // A date that does not exist is a 400 naming the field, in the one error shape.
    const bad = await auditor.get('/api/audit?page=1&from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('from');
  });

  it('exports the filtered trail as CSV, guarded against formulas, and records the export itself', async () => {
    const auditor = await sanad.signIn('auditor');
    const response = await auditor.post('/api/audit/export', { action: 'auth.login' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('"action"');
    expect(lines.length - 1).toBe(Number(response.headers['x-export-rows']));
    expect(lines.slice(1).every((line) => line.includes('"auth.login"'))).toBe(true);
    const { rows } = await sanad.ctx.database.pool.query(`SELECT details FROM audit_events WHERE action = 'audit.exported' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].details).toMatchObject({ format: 'csv', filters: ['action'] });

    // Somebody else may not export it.
    const manager = await sanad.signIn('casemanager');
    expect((await manager.post('/api/audit/export', {})).statusCode).toBe(403);
  });
});
