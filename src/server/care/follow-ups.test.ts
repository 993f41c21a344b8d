import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { openCaseVia } from '../referrals/test-helpers.js';

/** A follow-up goes only to someone who may work the case: it names the case to its assignee. */
let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let caseId: string;
const userIds: Record<string, string> = {};

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;
const followUpCount = async () => (await query('SELECT count(*)::int AS n FROM case_follow_ups WHERE case_id = $1', [caseId]))[0].n as number;
const assignTo = (client: TestClient, assigneeId: string | null) =>
  client.post(`/api/cases/${caseId}/follow-ups`, { dueDate: '2026-09-01', purpose: 'Check the victim is safe after the hearing', assigneeId });

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager] = [await sanad.signIn('responder'), await sanad.signIn('casemanager')];
  caseId = await openCaseVia(responder);
  // A second first responder of the responder's agency (agency scope: may work the case).
  await query(`INSERT INTO users (username, display_name, agency_id, roles, password_hash)
    SELECT 'responder.two', 'Second Responder', agency_id, roles, password_hash FROM users WHERE username = 'responder'`);
  for (const row of await query('SELECT id, username FROM users')) userIds[row.username] = row.id;
});
afterAll(async () => sanad?.close());

describe('follow-up assignee', () => {
  it('refuses anyone who may not work the case, with one reason whatever the cause (400 cannot_work_case)', async () => {
    const before = await followUpCount();
    const outsiders = ['hotline', 'shelter', 'prosecutor', 'coordinator', 'admin', 'auditor', 'casemanager'].map((u) => userIds[u]!);
    for (const assigneeId of [...outsiders, '00000000-0000-4000-8000-000000000000']) {
      const response = await assignTo(responder, assigneeId);
      expect(response.statusCode, `${assigneeId}: ${response.body}`).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'assigneeId', reason: 'cannot_work_case' }] } });
    }
    expect(await followUpCount()).toBe(before);
  });

  it('accepts the author, a colleague whose scope covers the case, and a case manager once assigned to it', async () => {
    expect((await assignTo(responder, null)).statusCode).toBe(201);
    expect((await assignTo(responder, userIds['responder.two']!)).statusCode).toBe(201);
    expect((await responder.post(`/api/cases/${caseId}/assignments`, { userId: userIds['casemanager'] })).statusCode).toBe(200);
    const assigned = await assignTo(responder, userIds['casemanager']!);
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().items.map((f: { assigneeName: string }) => f.assigneeName)).toContain('Fatima Zahra Idrissi');
    // The case manager, now working the case, may hand one to the owner agency's responder.
    expect((await assignTo(casemanager, userIds['responder']!)).statusCode).toBe(201);
  });

  it('refuses a disabled user even if they could work the case', async () => {
    await query(`UPDATE users SET disabled = true WHERE username = 'responder.two'`);
    const response = await assignTo(responder, userIds['responder.two']!);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].reason).toBe('cannot_work_case');
  });
});
