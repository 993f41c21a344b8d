import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { DEMO_TOTP_SECRET } from '../demo/demo-accounts.js';
import { seal } from '../crypto/encrypted-columns.js';
import { users } from '../db/schema/index.js';
import { hasConsent } from './consent.js';

let sanad: TestSanad;
let responder: TestClient;
let casemanager: TestClient;
let admin: TestClient;
let outsider: TestClient; // a first responder of another agency (gendarmerie)
const agencyIds = new Map<string, string>();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest-of-a-tiny-png-file')]);
const ARABIC_PERSON = {
  givenNameAr: 'محمد',
  familyNameAr: 'العلوي',
  birthYear: 1995,
  sex: 'Masculine',
  citizenships: ['MA'],
  languages: ['ar'],
  identityDocuments: [{ type: 'NationalIdCard', number: 'BK123456', issuingCountry: 'MA' }],
  contact: { phone: '+212 661 234 567', email: null, address: 'Derb Sultan, Casablanca' },
};

async function signInNewUser(username: string, agencyId: string, roles: string[]): Promise<TestClient> {
  const password = 'Tanger-Patrol-Unit-2026!x';
  // Created, approved by a second administrator and activated with the code, as the system requires.
  await sanad.addUser({ username, agencyId, roles }, { password, by: admin });
  // Enrol with the published demo secret so the harness can complete 2FA.
  await sanad.ctx.database.pool.query('UPDATE users SET totp_pending_secret_enc = $1 WHERE username = $2', [
    seal(sanad.ctx.keyring, users.totpPendingSecretEnc, DEMO_TOTP_SECRET),
    username,
  ]);
  return sanad.signIn(username, password);
}

async function auditCount(action: string, caseId: string): Promise<number> {
  const { rows } = await sanad.ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND resource_id = $2', [action, caseId]);
  return rows[0].n as number;
}

let policeCaseId: string;
let socialCaseId: string;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [responder, casemanager, admin] = [await sanad.signIn('responder'), await sanad.signIn('casemanager'), await sanad.signIn('admin')];
  // By the English name the demo defines each agency under (the admin reads names in French).
  for (const a of (await admin.get('/api/agencies?pageSize=100')).json().items) agencyIds.set(a.nameEn ?? a.name, a.id);
  outsider = await signInNewUser('gendarme', agencyIds.get('Royal Gendarmerie – Tangier')!, ['first_responder']);

  const created = await responder.post('/api/cases', {
    person: ARABIC_PERSON,
    region: 'MA-06',
    province: 'MA-CAS',
    traffickingStatus: 'presumed',
    exploitationForms: ['forced_labour', 'forced_begging'],
    riskAssessment: 'Threatened by the employer in Derb Sultan',
  });
  expect(created.statusCode, created.body).toBe(201);
  policeCaseId = created.json().case.id;
});
afterAll(async () => sanad?.close());

describe('opening a case', () => {
  it('numbers the case, returns version 1 and the actions the user may take', async () => {
    const detail = (await responder.get(`/api/cases/${policeCaseId}`)).json();
    expect(detail.caseNumber).toMatch(/^SAN-\d{4}-\d{6}$/);
    expect(detail.version).toBe(1);
    expect(detail.person.givenNameAr).toBe('محمد');
    expect(detail.riskAssessment).toBe('Threatened by the employer in Derb Sultan');
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['case.update', 'case.consent', 'case.readAccessLog']));
  });

  it('stores no plaintext identity anywhere in the rows', async () => {
    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT row_to_json(p)::text AS p FROM persons p
       UNION ALL SELECT row_to_json(k)::text FROM person_index_keys k
       UNION ALL SELECT row_to_json(c)::text FROM cases c`,
    );
    const dump = rows.map((r) => r.p as string).join('\n');
    for (const secret of ['محمد', 'العلوي', 'BK123456', '661 234 567', 'Derb Sultan', 'Threatened']) expect(dump).not.toContain(secret);
    // A short number can occur by chance inside a UUID or a ciphertext, so look for it as a JSON value only.
    expect(dump).not.toMatch(/[:"]1995[,"}]/);
    expect(dump).toContain('v1.'); // the ciphertext format is there instead
  });

  it('flags the same person typed in Latin script by another agency as a duplicate, without revealing the identity', async () => {
    const created = await casemanager.post('/api/cases', {
      person: { givenNameLatin: 'Mohamed', familyNameLatin: 'Alaoui', birthYear: 1995, sex: 'Masculine', citizenships: ['MA'] },
      region: 'MA-06',
    });
    expect(created.statusCode, created.body).toBe(201);
    socialCaseId = created.json().case.id;
    const candidates = created.json().duplicates;
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ caseId: policeCaseId, canRead: false, displayName: null, ownerAgencyName: 'DGSN – Casablanca judicial police' });
    expect(candidates[0].reasons).toEqual(expect.arrayContaining(['similar_name_birth_year', 'same_citizenship']));
    expect(created.body).not.toContain('محمد');

    const again = await casemanager.get(`/api/cases/${socialCaseId}/duplicates`);
    expect(again.json().items.map((c: { caseId: string }) => c.caseId)).toEqual([policeCaseId]);
    // The owner sees it from its side too, equally without the other agency's identity.
    const fromPolice = (await responder.get(`/api/cases/${policeCaseId}/duplicates`)).json().items;
    expect(fromPolice[0]).toMatchObject({ caseId: socialCaseId, canRead: false, displayName: null });
  });
});

describe('scope', () => {
  const subPaths = ['', '/attachments', '/access-log', '/notes', '/events', '/consents', '/duplicates', '/merge-requests'];

  it('answers 404 to a first responder of another agency, on the case and every sub-resource', async () => {
    for (const path of subPaths) {
      const response = await outsider.get(`/api/cases/${policeCaseId}${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await outsider.get(`/api/cases/${policeCaseId}/attachments/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/cases/${policeCaseId}`, { version: 1, riskLevel: 'low' })).statusCode).toBe(404);
    expect((await outsider.post(`/api/cases/${policeCaseId}/notes`, { body: 'x' })).statusCode).toBe(404);
  });

  it('answers 404 to a case manager not assigned, then lets them in once assigned', async () => {
    expect((await casemanager.get(`/api/cases/${policeCaseId}`)).statusCode).toBe(404);
    const me = (await casemanager.get('/api/me')).json();
    const assigned = await responder.post(`/api/cases/${policeCaseId}/assignments`, { userId: me.user.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await casemanager.get(`/api/cases/${policeCaseId}`)).statusCode).toBe(200);
    expect((await responder.request('DELETE', `/api/cases/${policeCaseId}/assignments/${me.user.id}`)).statusCode).toBe(204);
    expect((await casemanager.get(`/api/cases/${policeCaseId}`)).statusCode).toBe(404);
  });

  it('answers 403 to the administrator on every case route', async () => {
    const routes = sanad.routes.filter((r) => r.url.startsWith('/api/cases') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, policeCaseId);
      const response = await admin.request(route.method as 'GET', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('lists only cases in scope, and searches by exact name or number through the blind index', async () => {
    const own = (await responder.get('/api/cases')).json();
    expect(own.items.map((c: { id: string }) => c.id)).toEqual([policeCaseId]);
    expect(own.total).toBe(1);
    const byLatin = (await casemanager.get(`/api/cases?q=${encodeURIComponent('MOHAMED alaoui')}`)).json();
    expect(byLatin.items.map((c: { id: string }) => c.id)).toEqual([socialCaseId]);
    const byFamily = (await responder.get(`/api/cases?q=${encodeURIComponent('العلوي')}`)).json();
    expect(byFamily.items.map((c: { id: string }) => c.id)).toEqual([policeCaseId]);
    const number = (await responder.get(`/api/cases/${policeCaseId}`)).json().caseNumber;
    expect((await responder.get(`/api/cases?q=${number}`)).json().total).toBe(1);
    expect((await casemanager.get(`/api/cases?q=${number}`)).json().total).toBe(0);
    expect((await responder.get('/api/cases?q=Ahmed')).json().total).toBe(0);
  });
});

describe('updates', () => {
  it('answers 409 to an update against a stale version', async () => {
    const first = await responder.patch(`/api/cases/${policeCaseId}`, { version: 1, riskLevel: 'high' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await responder.patch(`/api/cases/${policeCaseId}`, { version: 1, riskLevel: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await responder.get(`/api/cases/${policeCaseId}`)).json().riskLevel).toBe('high');
  });

  it('requires a closure reason to close', async () => {
    const response = await responder.patch(`/api/cases/${policeCaseId}`, { version: 2, status: 'Closed' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].field).toBe('closureReason');
  });
});

describe('consent', () => {
  it('records a consent to share and revokes it at once', async () => {
    const shelterId = agencyIds.get('Dar Al Amane women and children shelter')!;
    const given = await responder.post(`/api/cases/${policeCaseId}/consents`, { type: 'share_with_organisation', agencyId: shelterId, method: 'verbal_with_witness' });
    expect(given.statusCode, given.body).toBe(201);
    const consentId = given.json().items[0].id;
    const { db } = sanad.ctx.database;
    expect(await hasConsent(db, policeCaseId, 'share_with_organisation', shelterId)).toBe(true);
    expect(await hasConsent(db, policeCaseId, 'share_with_organisation', agencyIds.get('Adala legal aid association')!)).toBe(false);

    const revoked = await responder.post(`/api/cases/${policeCaseId}/consents/${consentId}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().items[0].revokedAt).not.toBeNull();
    expect(await hasConsent(db, policeCaseId, 'share_with_organisation', shelterId)).toBe(false);
    expect(await auditCount('case.consentRevoked', policeCaseId)).toBe(1);
  });

  it('refuses a share consent without an organisation', async () => {
    const response = await responder.post(`/api/cases/${policeCaseId}/consents`, { type: 'share_with_organisation', method: 'signed' });
    expect(response.statusCode).toBe(400);
  });
});

describe('attachments', () => {
  it('encrypts a PNG, serves it back, and refuses other types and oversized files', async () => {
    const uploaded = await responder.post(`/api/cases/${policeCaseId}/attachments`, { fileName: 'passport-scan.png', contentBase64: PNG.toString('base64') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { rows } = await sanad.ctx.database.pool.query('SELECT content_enc, file_name_enc FROM case_attachments');
    expect((rows[0].content_enc as Buffer).includes(Buffer.from('rest-of-a-tiny-png-file'))).toBe(false);
    expect(rows[0].file_name_enc).not.toContain('passport');

    const download = await responder.get(`/api/cases/${policeCaseId}/attachments/${uploaded.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await outsider.get(`/api/cases/${policeCaseId}/attachments/${uploaded.json().id}`)).statusCode).toBe(404);

    const text = await responder.post(`/api/cases/${policeCaseId}/attachments`, { fileName: 'a.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') });
    expect(text.statusCode).toBe(415);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
    PNG.copy(big);
    const tooBig = await responder.post(`/api/cases/${policeCaseId}/attachments`, { fileName: 'big.png', contentBase64: big.toString('base64') });
    expect(tooBig.statusCode).toBe(413);
  });
});

describe('audit', () => {
  it('writes an audit event for every view, and shows the owner the access history', async () => {
    const before = await auditCount('case.viewed', policeCaseId);
    await responder.get(`/api/cases/${policeCaseId}`);
    await responder.get(`/api/cases/${policeCaseId}`);
    expect(await auditCount('case.viewed', policeCaseId)).toBe(before + 2);
    const log = await responder.get(`/api/cases/${policeCaseId}/access-log?pageSize=200`);
    expect(log.statusCode).toBe(200);
    const actions = log.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.created', 'case.viewed', 'case.updated', 'case.consentRevoked']));
    expect(log.body).not.toContain('محمد');
  });
});

describe('merging duplicates', () => {
  it('lets the other agency ask, and the owner accept; the merged case leaves the default list', async () => {
    const asked = await casemanager.post(`/api/cases/${socialCaseId}/merge-requests`, { targetCaseId: policeCaseId });
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = (await responder.get('/api/cases/merge-requests')).json().items;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ sourceCaseId: socialCaseId, targetCaseId: policeCaseId, canDecide: true });
    // Not the requester's to accept.
    expect((await casemanager.post(`/api/cases/merge-requests/${pending[0].id}/accept`, {})).statusCode).toBe(404);
    expect((await responder.post(`/api/cases/merge-requests/${pending[0].id}/accept`, {})).statusCode).toBe(200);

    const merged = (await casemanager.get(`/api/cases/${socialCaseId}`)).json();
    expect(merged).toMatchObject({ mergedIntoCaseId: policeCaseId, status: 'Closed', closureReason: 'MergedDuplicate' });
    expect(merged.allowedActions).not.toContain('case.update');
    expect((await casemanager.get('/api/cases')).json().items.map((c: { id: string }) => c.id)).not.toContain(socialCaseId);
    expect((await casemanager.get('/api/cases?includeMerged=true')).json().items.map((c: { id: string }) => c.id)).toContain(socialCaseId);
  });

  it('refuses to target a case that is not a duplicate candidate', async () => {
    const other = await outsider.post('/api/cases', { person: { givenNameLatin: 'Blessing', familyNameLatin: 'Okafor', birthYear: 2001, citizenships: ['NG'] } });
    expect(other.statusCode).toBe(201);
    const response = await outsider.post(`/api/cases/${other.json().case.id}/merge-requests`, { targetCaseId: policeCaseId });
    expect(response.statusCode).toBe(404);
  });
});
