import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { notificationLink } from './notification-links.js';
import { notify } from './notify.js';
import { demoUser, insertFixtureCase } from './test-fixtures.js';

let sanad: TestSanad;
let casemanager: TestClient;
let shelter: TestClient;
let responder: TestClient;
let hotline: TestClient;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  casemanager = await sanad.signIn('casemanager');
  shelter = await sanad.signIn('shelter');
  responder = await sanad.signIn('responder');
  hotline = await sanad.signIn('hotline');
});
afterAll(async () => sanad?.close());

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const REFERRAL_ID = '22222222-2222-4222-8222-222222222222';
const REPORT_ID = '33333333-3333-4333-8333-333333333333';

async function send(userId: string, kind: 'case_assigned' | 'referral_received' | 'dispatch_received', resourceType: string, resourceId: string): Promise<void> {
  await sanad.ctx.database.db.transaction((tx) => notify(tx, { recipients: { userIds: [userId] }, kind, resourceType, resourceId, params: { caseNumber: 'SAN-2026-000042' } }));
}

describe('notification links', () => {
  it('points each resource at its page, and nothing else anywhere', () => {
    expect(notificationLink('case', CASE_ID)).toBe(`/cases/${CASE_ID}`);
    expect(notificationLink('referral', REFERRAL_ID)).toBe(`/referrals/${REFERRAL_ID}`);
    expect(notificationLink('report', REPORT_ID)).toBe(`/reports/${REPORT_ID}`);
    expect(notificationLink('unknown', CASE_ID)).toBeNull();
    expect(notificationLink('case', '../../evil')).toBeNull();
  });
});

describe('/api/notifications', () => {
  it('lists only the caller’s own notifications, newest first, with links and unread counts', async () => {
    const me = await demoUser(sanad.ctx.database.pool, 'casemanager');
    const other = await demoUser(sanad.ctx.database.pool, 'shelter');
    await send(me.id, 'case_assigned', 'case', CASE_ID);
    await send(me.id, 'referral_received', 'referral', REFERRAL_ID);
    await send(other.id, 'referral_received', 'referral', REFERRAL_ID);

    const list = await casemanager.get('/api/notifications?page=1&pageSize=10');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['case_assigned', 'referral_received']);
    const assigned = body.items.find((i: { kind: string }) => i.kind === 'case_assigned');
    expect(assigned).toMatchObject({ resourceType: 'case', resourceId: CASE_ID, link: `/cases/${CASE_ID}`, readAt: null, params: { caseNumber: 'SAN-2026-000042' } });
    expect((await casemanager.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 2, urgent: 0 });
    expect((await shelter.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 1, urgent: 0 });
    const paged = (await casemanager.get('/api/notifications?pageSize=1&page=2')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(2);
  });

  it('answers 404 for another user’s notification and leaves it unread', async () => {
    const theirs = (await shelter.get('/api/notifications')).json().items[0].id as string;
    const attempt = await casemanager.post(`/api/notifications/${theirs}/read`);
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe('NOT_FOUND');
    expect((await casemanager.post('/api/notifications/00000000-0000-4000-8000-000000000001/read')).statusCode).toBe(404);
    expect((await shelter.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 1, urgent: 0 });
  });

  it('marks one as read (idempotently), filters unread, then marks all as read', async () => {
    const items = (await casemanager.get('/api/notifications')).json().items as { id: string }[];
    const first = await casemanager.post(`/api/notifications/${items[0]!.id}/read`);
    expect(first.json()).toEqual({ updated: 1 });
    expect((await casemanager.post(`/api/notifications/${items[0]!.id}/read`)).json()).toEqual({ updated: 0 });
    expect((await casemanager.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 1, urgent: 0 });
    const unread = (await casemanager.get('/api/notifications?unread=true')).json();
    expect(unread.total).toBe(1);
    expect(unread.items[0].id).toBe(items[1]!.id);
    expect((await casemanager.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await casemanager.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 0, urgent: 0 });
    // The other user's notification was untouched by read-all.
    expect((await shelter.get('/api/notifications/unread-count')).json()).toMatchObject({ count: 1, urgent: 0 });
  });

  it('refuses anonymous callers and requests without the CSRF token', async () => {
    expect((await sanad.anonymous().get('/api/notifications')).statusCode).toBe(401);
    const noCsrf = await casemanager.request('POST', '/api/notifications/read-all', {}, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('notifications raised by other modules', () => {
  it('tells the responders of the agency an emergency was dispatched to', async () => {
    const police = await demoUser(sanad.ctx.database.pool, 'responder');
    const created = await hotline.post('/api/reports', {
      kind: 'trafficking_suspicion',
      channel: 'hotline_call',
      urgency: 'immediate_danger',
      region: 'MA-06',
      dispatchAgencyId: police.agencyId,
    });
    expect(created.statusCode).toBe(201);
    const reportId = created.json().id as string;
    const mine = (await responder.get('/api/notifications')).json().items as { kind: string; resourceId: string; link: string; params: Record<string, string> }[];
    const dispatch = mine.find((n) => n.kind === 'dispatch_received' && n.resourceId === reportId);
    expect(dispatch).toBeDefined();
    expect(dispatch!.link).toBe(`/reports/${reportId}`);
    expect(dispatch!.params).toMatchObject({ purpose: 'emergency', urgency: 'immediate_danger' });
    // An emergency is urgent for the unit too: first in its bell, red, announced.
    expect((dispatch as unknown as { urgent: boolean }).urgent).toBe(true);
    expect((await responder.get('/api/notifications/unread-count')).json().urgent).toBeGreaterThan(0);
    expect(dispatch!.params.reference).toEqual(expect.any(String));
  });

  it('tells a user they were assigned to a case, with its number and no name', async () => {
    const { pool } = sanad.ctx.database;
    const police = await demoUser(pool, 'responder');
    const manager = await demoUser(pool, 'casemanager');
    const caseId = await insertFixtureCase(pool, { caseNumber: 'SAN-TEST-ASSIGN', ownerAgencyId: police.agencyId, createdBy: police.id });
    const assigned = await responder.post(`/api/cases/${caseId}/assignments`, { userId: manager.id });
    expect(assigned.statusCode).toBe(200);
    const mine = (await casemanager.get('/api/notifications?unread=true')).json().items as { kind: string; resourceId: string; params: object }[];
    const notice = mine.find((n) => n.kind === 'case_assigned' && n.resourceId === caseId);
    expect(notice?.params).toEqual({ caseNumber: 'SAN-TEST-ASSIGN' });
  });
});
