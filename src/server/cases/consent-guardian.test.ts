import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent } from '@shared/api/cases.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { openCaseVia, TEST_PERSON } from '../referrals/test-helpers.js';

let sanad: TestSanad;
let responder: TestClient;
let childId: string;

const query = async (text: string, values: unknown[] = []) => (await sanad.ctx.database.pool.query(text, values)).rows;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  responder = await sanad.signIn('responder');
  childId = await openCaseVia(responder, { person: { ...TEST_PERSON, birthYear: new Date().getUTCFullYear() - 14 } });
});
afterAll(async () => sanad?.close());

describe('a guardian’s consent for a child', () => {
  it('records who the guardian is, the name sealed at rest and kept out of the audit trail', async () => {
    const response = await responder.post(`/api/cases/${childId}/consents`, { type: 'services', method: 'guardian', guardianName: 'Fatima Okafor', guardianRelationship: 'parent' });
    expect(response.statusCode, response.body).toBe(201);
    const consent = (response.json().items as Consent[]).find((c) => c.method === 'guardian')!;
    expect(consent).toMatchObject({ guardianName: 'Fatima Okafor', guardianRelationship: 'parent' });
    const [row] = await query('SELECT guardian_name_enc, guardian_relationship FROM case_consents WHERE id = $1', [consent.id]);
    expect(row.guardian_relationship).toBe('parent');
    expect(row.guardian_name_enc).toMatch(/^v1\./);
    expect(row.guardian_name_enc).not.toContain('Fatima');
    const audit = await query(`SELECT details::text AS d FROM audit_events WHERE action = 'case.consentGiven' AND resource_id = $1`, [childId]);
    expect(audit.map((a) => a.d).join()).not.toContain('Fatima');
    // The case page reads consents in its one statement: the guardian comes with them.
    const detail = (await responder.get(`/api/cases/${childId}`)).json();
    expect(detail.isMinor).toBe(true);
    expect(detail.consents.find((c: Consent) => c.id === consent.id)).toMatchObject({ guardianName: 'Fatima Okafor', guardianRelationship: 'parent' });
  });

  it('is refused without the guardian’s name or relationship, and a guardian is named only on a guardian consent', async () => {
    const noName = await responder.post(`/api/cases/${childId}/consents`, { type: 'services', method: 'guardian', guardianRelationship: 'parent' });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json().error.details.issues)).toContain('guardianName');
    const noRelationship = await responder.post(`/api/cases/${childId}/consents`, { type: 'services', method: 'guardian', guardianName: 'Fatima Okafor' });
    expect(noRelationship.statusCode).toBe(400);
    const notGuardian = await responder.post(`/api/cases/${childId}/consents`, { type: 'services', method: 'signed', guardianName: 'Fatima Okafor', guardianRelationship: 'parent' });
    expect(notGuardian.statusCode).toBe(400);
  });

  it('is enforced by the database too: a guardian on another method, or an unknown relationship, is refused', async () => {
    const [user] = await query(`SELECT id FROM users WHERE username = 'responder'`);
    await expect(query(`INSERT INTO case_consents (case_id, type, method, given_at, recorded_by, guardian_relationship) VALUES ($1, 'services', 'signed', now(), $2, 'parent')`, [childId, user.id])).rejects.toThrow(/check/i);
    await expect(query(`INSERT INTO case_consents (case_id, type, method, given_at, recorded_by, guardian_relationship) VALUES ($1, 'services', 'guardian', now(), $2, 'uncle')`, [childId, user.id])).rejects.toThrow(/check/i);
  });
});
