import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';

// Assigning a case to a chosen person: the picker offers exactly those the assignment would let work it.
let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let caseId: string;
const userIds = new Map<string, string>();
const agencyIds = new Map<string, string>();

const query = async <T>(text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows as T[];
const auditCount = async (action: string) => (await query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_id = $2', [action, caseId]))[0]!.n;
const picker = async (q?: string) => {
  const response = await responder.get(`/api/cases/${caseId}/assignable-users${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { userId: string; displayName: string; agencyId: string; agencyName: string }[]; more: boolean };
};

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  for (const u of await query<{ id: string; username: string; agency_id: string }>('SELECT id, username, agency_id FROM users')) {
    userIds.set(u.username, u.id);
    agencyIds.set(u.username, u.agency_id);
  }
  // A first responder of another agency: their role works cases of their own agency only.
  const gendarmerie = (await query<{ id: string }>(`SELECT id FROM agencies WHERE name LIKE 'Royal Gendarmerie%'`))[0]!.id;
  userIds.set('gendarme', await sanad.addUser({ username: 'gendarme', displayName: 'Gendarme Tanger', agencyId: gendarmerie, roles: ['first_responder'] }));
  const created = await responder.post('/api/cases', {
    person: { givenNameLatin: 'Awa', familyNameLatin: 'Konaté', birthYear: 2001, sex: 'Feminine', citizenships: ['ML'], languages: ['fr'] },
    region: 'MA-06',
    traffickingStatus: 'presumed',
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().case.id;
});
afterAll(async () => sanad?.close());

describe('the assignee picker', () => {
  it('offers the owner agency’s case workers first, then case managers of any agency, with a name and an agency only', async () => {
    const { items, more } = await picker();
    expect(more).toBe(false);
    const ids = items.map((u) => u.userId);
    expect(ids).toContain(userIds.get('responder'));
    expect(ids).toContain(userIds.get('casemanager'));
    for (const outsider of ['gendarme', 'shelter', 'hotline', 'prosecutor', 'admin', 'auditor', 'coordinator', 'analyst']) expect(ids, outsider).not.toContain(userIds.get(outsider));
    expect(items[0]!.agencyId).toBe(agencyIds.get('responder'));
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['agencyId', 'agencyName', 'displayName', 'userId']);
    expect(await auditCount('case.assigneesListed')).toBe(1);
  });

  it('searches by name or agency, taking the pattern characters literally', async () => {
    expect((await picker('fatima')).items.map((u) => u.userId)).toEqual([userIds.get('casemanager')]);
    expect((await picker('Solidarity')).items.map((u) => u.userId)).toEqual([userIds.get('casemanager')]);
    expect((await picker('%')).items).toEqual([]);
  });

  it('answers 404 outside the caller’s scope', async () => {
    expect((await casemanager.get(`/api/cases/${caseId}/assignable-users`)).statusCode).toBe(404);
  });
});

describe('assigning a case to a chosen user', () => {
  it('assigns a case manager of another agency, who is told and then finds the case in her list', async () => {
    const before = await auditCount('case.assigned');
    const assigned = await responder.post(`/api/cases/${caseId}/assignments`, { userId: userIds.get('casemanager') });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignments.map((a: { userId: string }) => a.userId)).toEqual([userIds.get('casemanager')]);
    expect(await auditCount('case.assigned')).toBe(before + 1);
    const notices = (await casemanager.get('/api/notifications')).json().items as { kind: string; resourceId: string }[];
    expect(notices.some((n) => n.kind === 'case_assigned' && n.resourceId === caseId)).toBe(true);
    const list = (await casemanager.get('/api/cases?pageSize=200')).json().items as { id: string }[];
    expect(list.map((c) => c.id)).toContain(caseId);
    // Already assigned: no longer offered.
    expect((await picker()).items.map((u) => u.userId)).not.toContain(userIds.get('casemanager'));
  });

  it('refuses anyone the assignment would not let work the case, with one reason, and writes nothing', async () => {
    const before = await auditCount('case.assigned');
    for (const username of ['gendarme', 'shelter', 'hotline', 'admin']) {
      const response = await responder.post(`/api/cases/${caseId}/assignments`, { userId: userIds.get(username) });
      expect(response.statusCode, username).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'not_assignable', issues: [{ field: 'userId', reason: 'not_assignable' }] } });
    }
    const unknown = await responder.post(`/api/cases/${caseId}/assignments`, { userId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json().error.details.reason).toBe('not_assignable');
    expect(await auditCount('case.assigned')).toBe(before);
  });

  it('refuses a disabled case manager', async () => {
    const id = await sanad.addUser({ username: 'cm.two', displayName: 'Salma Case Manager', agencyId: agencyIds.get('casemanager')!, roles: ['case_manager'] });
    await query('UPDATE users SET disabled = true WHERE id = $1', [id]);
    expect((await picker('Salma')).items).toEqual([]);
    expect((await responder.post(`/api/cases/${caseId}/assignments`, { userId: id })).statusCode).toBe(400);
  });

  it('ends an assignment, on the record, and the case leaves her list', async () => {
    const removed = await responder.request('DELETE', `/api/cases/${caseId}/assignments/${userIds.get('casemanager')}`);
    expect(removed.statusCode).toBe(204);
    expect(await auditCount('case.unassigned')).toBe(1);
    expect((await casemanager.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});
