import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_ACTIONS } from '@shared/actions.js';
import { ROLES_NEEDING_APPROVAL } from '@shared/api/admin.js';
import { POLICY_RULES } from '../../policies/rules.js';
import { freshDemoCode, startTestSanad, type TestClient, type TestSanad } from '../../test/harness.js';

/**
 * Issue 6, item 2: an administrator could give itself case access. Separation
 * of duties now holds by construction: no administrator changes their own
 * roles or agency, and a role that reaches identities takes effect only once a
 * second administrator approves it.
 */
let sanad: TestSanad;
let admin: TestClient;
let admin2: TestClient;
let auditor: TestClient;
let agencyIds: Record<string, string>;
let adminId: string;
const PASSWORD = 'Tanger-Patrol-Unit-2026!x';

async function userRow(username: string): Promise<{ id: string; roles: string[]; agency_id: string }> {
  const { rows } = await sanad.ctx.database.pool.query('SELECT id, roles, agency_id FROM users WHERE username = $1', [username]);
  return rows[0];
}

/** Completes enrolment on a session in the 'enrol' state, as the enrolment page does; returns the secret. */
async function enrol(client: TestClient, username: string): Promise<string> {
  const enrolment = await client.get('/api/auth/2fa/enrol');
  expect(enrolment.statusCode, enrolment.body).toBe(200);
  const secret = enrolment.json().secret as string;
  const verified = await client.post('/api/auth/2fa', { code: await freshDemoCode(username, secret) });
  expect(verified.statusCode, verified.body).toBe(200);
  client.csrfToken = (await client.get('/api/me')).json().csrfToken;
  return secret;
}

/** Signs in with a password and the second factor enrolled with `secret`. */
async function signInEnrolled(username: string, password: string, secret: string): Promise<TestClient> {
  const client = sanad.anonymous();
  expect((await client.post('/api/auth/login', { username, password })).json()).toEqual({ twoFactor: 'required' });
  expect((await client.post('/api/auth/2fa', { code: await freshDemoCode(username, secret) })).statusCode).toBe(200);
  client.csrfToken = (await client.get('/api/me')).json().csrfToken;
  return client;
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, pathway: true });
  [admin, admin2, auditor] = [await sanad.signIn('admin'), await sanad.signIn('admin2'), await sanad.signIn('auditor')];
  const agencies = (await admin.get('/api/agencies?pageSize=200')).json().items as { id: string; type: string }[];
  agencyIds = Object.fromEntries(agencies.map((a) => [a.type, a.id]));
  adminId = (await admin.get('/api/me')).json().user.id;
});
afterAll(async () => sanad?.close());

describe('an administrator and their own account', () => {
  it('cannot change their own roles', async () => {
    const response = await admin.patch(`/api/users/${adminId}`, { roles: ['administrator', 'first_responder'] });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self_role_change' } });
    expect((await userRow('admin')).roles).toEqual(['administrator']);
    const grants = await sanad.ctx.database.pool.query('SELECT 1 FROM role_grants WHERE user_id = $1', [adminId]);
    expect(grants.rowCount).toBe(0);
  });

  it('cannot change their own agency', async () => {
    const response = await admin.patch(`/api/users/${adminId}`, { agencyId: agencyIds['Police'] });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self_agency_change' } });
    expect((await userRow('admin')).agency_id).not.toBe(agencyIds['Police']);
  });

  it('may still change their own display name', async () => {
    const response = await admin.patch(`/api/users/${adminId}`, { displayName: 'Samir A.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().displayName).toBe('Samir A.');
  });

  it('the attack from the issue: adding first_responder in the police to oneself gives no case access after signing in again', async () => {
    const patched = await admin.patch(`/api/users/${adminId}`, { roles: ['administrator', 'first_responder'], agencyId: agencyIds['Police'] });
    expect(patched.statusCode).toBe(403);
    const again = await sanad.signIn('admin');
    const cases = await again.get('/api/cases');
    expect(cases.statusCode).toBe(403);
    expect(cases.body).not.toContain('"phone"');
    expect((await again.get('/api/me')).json().user.roles).toEqual(['administrator']);
  });
});

describe('granting a role that reaches identities', () => {
  it('creating a police first responder leaves them without the role until a second administrator approves', async () => {
    const created = await admin.post('/api/users', { username: 'officer.one', displayName: 'Officer One', agencyId: agencyIds['Police'], roles: ['first_responder'], locale: 'fr' });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.roles).toEqual([]);
    expect(body.pendingGrant).toMatchObject({ roles: ['first_responder'], agencyId: agencyIds['Police'], requestedBy: 'admin', cause: 'created', allowedActions: ['reject'] });
    expect((await userRow('officer.one')).roles).toEqual([]);

    // Activated and enrolled before approval: signed in, but no case access.
    const { client, response } = await sanad.activate('officer.one', body.activationCode, PASSWORD);
    expect(response.json()).toEqual({ twoFactor: 'enrol' });
    const secret = await enrol(client, 'officer.one');
    expect((await client.get('/api/me')).json().user.roles).toEqual([]);
    expect((await client.get('/api/cases')).statusCode).toBe(403);

    // The administrator who asked cannot approve.
    const own = await admin.post(`/api/role-grants/${body.pendingGrant.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('own_request');
    expect((await userRow('officer.one')).roles).toEqual([]);
    expect((await client.get('/api/cases')).statusCode).toBe(403);

    // A second administrator sees it, may approve it, and does.
    const list = (await admin2.get('/api/role-grants')).json().items as { id: string; username: string; allowedActions: string[] }[];
    expect(list.find((g) => g.id === body.pendingGrant.id)).toMatchObject({ username: 'officer.one', allowedActions: ['approve', 'reject'] });
    const approved = await admin2.post(`/api/role-grants/${body.pendingGrant.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().user).toMatchObject({ roles: ['first_responder'], pendingGrant: null });

    // Approval ends the user's sessions; the next sign-in carries the role (after 2FA).
    expect((await client.get('/api/me')).statusCode).toBe(401);
    const officer = await signInEnrolled('officer.one', PASSWORD, secret);
    const cases = await officer.get('/api/cases');
    expect(cases.statusCode, cases.body).toBe(200);
    expect(cases.json().total).toBeGreaterThan(0);

    // A decided grant cannot be decided again.
    const twice = await admin2.post(`/api/role-grants/${body.pendingGrant.id}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('role_grant_decided');
  });

  it('adding such a role to an existing user also waits, and the user it is for cannot approve it either', async () => {
    const admin2Id = (await userRow('admin2')).id;
    const patched = await admin.patch(`/api/users/${admin2Id}`, { roles: ['administrator', 'case_manager'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().roles).toEqual(['administrator']);
    const grantId = patched.json().pendingGrant.id as string;
    const self = await admin2.post(`/api/role-grants/${grantId}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details.reason).toBe('own_account');
    expect((await admin.post(`/api/role-grants/${grantId}/approve`)).statusCode).toBe(403);
    const rejected = await admin2.post(`/api/role-grants/${grantId}/reject`);
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((await userRow('admin2')).roles).toEqual(['administrator']);
  });

  it('keeps roles that need no approval, and moving a user to another agency puts their identity roles back to approval', async () => {
    const analystId = (await userRow('analyst')).id;
    const withCoordinator = await admin.patch(`/api/users/${analystId}`, { roles: ['analyst', 'national_coordinator'] });
    expect(withCoordinator.json()).toMatchObject({ roles: ['analyst', 'national_coordinator'], pendingGrant: null });

    const responder = await userRow('responder');
    const moved = await admin.patch(`/api/users/${responder.id}`, { agencyId: agencyIds['Gendarmerie'] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ roles: [], pendingGrant: { roles: ['first_responder'], agencyId: agencyIds['Gendarmerie'], cause: 'agency_changed' } });
    // Only the approval of another administrator gives the role back, in the new agency.
    const approved = await admin2.post(`/api/role-grants/${moved.json().pendingGrant.id}/approve`);
    expect(approved.json().user).toMatchObject({ roles: ['first_responder'], agencyId: agencyIds['Gendarmerie'] });
  });

  it('is audited and notified to the auditors, request and approval alike', async () => {
    const created = await admin.post('/api/users', { username: 'officer.two', displayName: 'Officer Two', agencyId: agencyIds['Police'], roles: ['first_responder'] });
    expect(created.statusCode, created.body).toBe(201);
    const { id, pendingGrant } = created.json();
    expect((await admin2.post(`/api/role-grants/${pendingGrant.id}/approve`)).statusCode).toBe(200);

    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT action, actor_username, details->>'grantId' AS grant_id FROM audit_events
        WHERE resource_id = $1 AND action IN ('user.roleGrantRequested', 'user.roleGrantApproved') ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'user.roleGrantRequested', actor_username: 'admin', grant_id: pendingGrant.id },
      { action: 'user.roleGrantApproved', actor_username: 'admin2', grant_id: pendingGrant.id },
    ]);

    const notifications = (await auditor.get('/api/notifications?pageSize=100')).json().items as { kind: string; resourceId: string; params: Record<string, string> }[];
    const about = notifications.filter((n) => n.resourceId === id).map((n) => [n.kind, n.params['reference']]);
    expect(about).toEqual(expect.arrayContaining([['role_grant_requested', 'officer.two'], ['role_grant_approved', 'officer.two']]));
    // The other administrator learns there is something to approve.
    const forAdmin2 = (await admin2.get('/api/notifications?pageSize=100')).json().items as { kind: string; resourceId: string }[];
    expect(forAdmin2.some((n) => n.kind === 'role_grant_requested' && n.resourceId === id)).toBe(true);
  });

  it('the database refuses an approval by the requester even if the code were bypassed', async () => {
    const created = await admin.post('/api/users', { username: 'officer.three', displayName: 'Officer Three', agencyId: agencyIds['Police'], roles: ['first_responder'] });
    const grantId = created.json().pendingGrant.id;
    await expect(
      sanad.ctx.database.pool.query(`UPDATE role_grants SET status = 'approved', decided_by = requested_by, decided_at = now() WHERE id = $1`, [grantId]),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('roles needing approval', () => {
  it('include every role granted an identity-bearing, user-administration or audit action', () => {
    const privileged = POLICY_RULES.filter((rule) => IDENTITY_ACTIONS.includes(rule.action) || /^(user|audit)\./.test(rule.action)).map((rule) => rule.role);
    expect(privileged.length).toBeGreaterThan(0);
    for (const role of new Set(privileged)) expect(ROLES_NEEDING_APPROVAL, role).toContain(role);
  });
});
