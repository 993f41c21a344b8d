import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

/**
 * A public report never arrives silently: every hotline operator is notified
 * (urgently, first in the bell, for an immediate danger), and the queue's
 * content-free pulse moves so open pages refetch the list. Also: finding a
 * report by its reference or its receipt code.
 */

let sanad: TestSanad;
let hotline: TestClient;
let responder: TestClient;
let admin: TestClient;
let nextAddress = 1;

interface Notice {
  id: string;
  kind: string;
  resourceId: string;
  params: Record<string, string>;
  urgent: boolean;
  readAt: string | null;
  link: string | null;
}

/** Files a public report from its own address (the per-IP limit of one test never spills into another). */
async function submitPublic(payload: Record<string, unknown>): Promise<string> {
  const response = await sanad.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: `198.51.100.${nextAddress++}`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
  expect(response.statusCode).toBe(201);
  return response.json().receiptCode as string;
}

async function reportIdOf(receiptCode: string): Promise<{ id: string; reference: string }> {
  const found = await hotline.get(`/api/reports?q=${encodeURIComponent(receiptCode)}`);
  expect(found.statusCode).toBe(200);
  expect(found.json().items).toHaveLength(1);
  return found.json().items[0];
}

const danger = {
  narrative: 'A girl of about twelve is kept as a maid in a house in Derb Sultan; tonight she was beaten and locked in.',
  exploitationForms: ['domestic_servitude'],
  region: 'MA-06',
  minorsInvolved: true,
  immediateDanger: true,
  contact: '+212 6 70 11 22 33',
};

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [hotline, responder, admin] = [await sanad.signIn('hotline'), await sanad.signIn('responder'), await sanad.signIn('admin')];
});
afterAll(async () => sanad?.close());

describe('public reports reach the hotline', () => {
  it('notifies every hotline operator, urgently and first for an immediate danger, with no content', async () => {
    await hotline.post('/api/notifications/read-all');
    const routine = await submitPublic({ ...danger, immediateDanger: false, minorsInvolved: false, narrative: 'Men from the south work on a farm near Berrechid and are never paid.' });
    const urgent = await submitPublic(danger);
    const routineReport = await reportIdOf(routine);
    const urgentReport = await reportIdOf(urgent);

    const count = (await hotline.get('/api/notifications/unread-count')).json();
    expect(count).toMatchObject({ count: 2, urgent: 1 });
    const items = (await hotline.get('/api/notifications?unread=true')).json().items as Notice[];
    // The immediate danger is first, urgent, and links to the report; the routine one follows.
    expect(items.map((n) => [n.kind, n.resourceId, n.urgent])).toEqual([
      ['public_report_danger', urgentReport.id, true],
      ['public_report_received', routineReport.id, false],
    ]);
    expect(count.latestId).toBe(items[0]!.id);
    expect(items[0]!.link).toBe(`/reports/${urgentReport.id}`);
    expect(items[0]!.params).toEqual({ reference: urgentReport.reference, urgency: 'immediate_danger' });
    // Nothing the reporter wrote travels in a notification.
    expect(JSON.stringify(items)).not.toMatch(/Derb Sultan|70 11 22|Berrechid/);
    const urgentOnly = (await hotline.get('/api/notifications?urgent=true')).json().items as Notice[];
    expect(urgentOnly.map((n) => n.resourceId)).toEqual([urgentReport.id]);

    // A newer routine notification still comes after the unread urgent one; once read, the urgent one takes its place by date.
    const later = await reportIdOf(await submitPublic({ ...danger, immediateDanger: false, minorsInvolved: false }));
    const reordered = (await hotline.get('/api/notifications?pageSize=3')).json().items as Notice[];
    expect(reordered.map((n) => n.resourceId)).toEqual([urgentReport.id, later.id, routineReport.id]);
    expect((await hotline.post(`/api/notifications/${items[0]!.id}/read`)).statusCode).toBe(200);
    expect((await hotline.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 2, urgent: 0 });
    const byDate = (await hotline.get('/api/notifications?pageSize=3')).json().items as Notice[];
    expect(byDate.map((n) => n.resourceId)).toEqual([later.id, urgentReport.id, routineReport.id]);

    // Operators only: the police unit hears of it when the hotline dispatches it, not before.
    const police = (await responder.get('/api/notifications?pageSize=100')).json().items as Notice[];
    expect(police.map((n) => n.resourceId)).not.toContain(urgentReport.id);
    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT DISTINCT u.roles FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.resource_id = $1`,
      [urgentReport.id],
    );
    expect(rows.map((r) => r.roles)).toEqual([['hotline_operator']]);
  });

  it('moves the queue pulse when a public report arrives, without any content or read row', async () => {
    const before = await hotline.get('/api/reports/pulse');
    expect(before.statusCode).toBe(200);
    expect(Object.keys(before.json())).toEqual(['mark']);
    expect((await hotline.get('/api/reports/pulse')).json().mark).toBe(before.json().mark);
    const auditRows = async () => Number((await sanad.ctx.database.pool.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'report.listed'`)).rows[0].n);
    const listed = await auditRows();

    await submitPublic(danger);
    const after = (await hotline.get('/api/reports/pulse')).json().mark;
    expect(after).not.toBe(before.json().mark);
    expect(await auditRows()).toBe(listed);

    // The police unit's mark covers only what was sent to it: a public report does not move it.
    const policeBefore = (await responder.get('/api/reports/pulse')).json().mark;
    await submitPublic(danger);
    expect((await responder.get('/api/reports/pulse')).json().mark).toBe(policeBefore);
    // Roles that may not list reports get no mark at all.
    expect((await admin.get('/api/reports/pulse')).statusCode).toBe(403);
    expect((await sanad.anonymous().get('/api/reports/pulse')).statusCode).toBe(401);
  });
});

describe('finding a report by its reference', () => {
  it('finds a report by its receipt code (any case, dashes or not) or by its number, in scope only', async () => {
    const code = await submitPublic({ ...danger, immediateDanger: false });
    const report = await reportIdOf(code);
    expect((await reportIdOf(code.toLowerCase())).id).toBe(report.id);
    expect((await reportIdOf(code.replace(/-/g, ''))).id).toBe(report.id);
    expect((await reportIdOf(report.reference)).id).toBe(report.id);
    const byNumber = (await hotline.get(`/api/reports?q=${report.reference.slice(-6)}`)).json().items as { id: string }[];
    expect(byNumber.map((r) => r.id)).toContain(report.id);
    // A wildcard is text, not a pattern.
    expect((await hotline.get('/api/reports?q=%25')).json().total).toBe(0);
    // The police unit was not sent this report: the same search finds nothing.
    expect((await responder.get(`/api/reports?q=${encodeURIComponent(code)}`)).json().total).toBe(0);
    // The search is on the record, without the code it searched for.
    const { rows } = await sanad.ctx.database.pool.query(`SELECT details::text AS details FROM audit_events WHERE action = 'report.listed' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].details).toContain('"q"');
    expect(rows[0].details).not.toContain(code);
  });
});
