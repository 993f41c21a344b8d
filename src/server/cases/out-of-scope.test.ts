import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';

// Issue 3's acceptance point in one place, on the demo pathway: outside your
// scope a case does not exist (404), whatever part of it you ask for.
let sanad: TestSanad;
let gendarme: TestClient;
let admin: TestClient;
let policeCaseId: string;

const SUB_RESOURCES = ['', '/referrals', '/attachments', '/access-log', '/notes', '/consents', '/services', '/support-plans', '/follow-ups', '/duplicates'];

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  admin = await sanad.signIn('admin');
  const { rows } = await sanad.ctx.database.pool.query(`
    SELECT c.id FROM cases c JOIN agencies a ON a.id = c.owner_agency_id
     WHERE a.name LIKE 'DGSN%' AND EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id) LIMIT 1`);
  policeCaseId = rows[0].id;
  const gendarmerie = (await sanad.ctx.database.pool.query(`SELECT id FROM agencies WHERE name LIKE 'Royal Gendarmerie%'`)).rows[0].id;
  // Created, approved by a second administrator and activated with the code (DEMO_PASSWORD), as the system requires.
  await sanad.addUser({ username: 'gendarme.tanger', displayName: 'Gendarme Tanger', agencyId: gendarmerie, roles: ['first_responder'] }, { password: DEMO_PASSWORD, by: admin });
  gendarme = await sanad.signIn('gendarme.tanger');
});
afterAll(async () => sanad?.close());

describe('a case outside the caller’s scope', () => {
  it('is 404 for a first responder of another agency on the case and every sub-resource', async () => {
    expect(policeCaseId).toBeTruthy();
    for (const suffix of SUB_RESOURCES) {
      const response = await gendarme.get(`/api/cases/${policeCaseId}${suffix}`);
      expect(response.statusCode, suffix || '(case)').toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('is reachable for the owner agency (the same URLs answer 200)', async () => {
    const responder = await sanad.signIn('responder');
    for (const suffix of SUB_RESOURCES) {
      expect((await responder.get(`/api/cases/${policeCaseId}${suffix}`)).statusCode, suffix || '(case)').toBe(200);
    }
  });

  it('is 403 for the administrator, whose role never reads case content', async () => {
    for (const suffix of SUB_RESOURCES) {
      expect((await admin.get(`/api/cases/${policeCaseId}${suffix}`)).statusCode, suffix || '(case)').toBe(403);
    }
  });
});
