import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDemoCode, startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { createAdministratorFromConsole } from '../admin/users/user-commands.js';
import { SYSTEM_CONTEXT } from '../audit/record-audit.js';

/**
 * Issue 6, item 2: the administrator never knows a usable password. A new
 * account gets a one-time activation code; the person sets their own password
 * with it and enrols their own second factor.
 */
let sanad: TestSanad;
let admin: TestClient;
let admin2: TestClient;
let agencyIds: Record<string, string>;
const PASSWORD = 'Sidi-Bernoussi-Patrol-42';
const CODE_SHAPE = /^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}$/;

/** Creates a user as the administrator would; returns the answer's body. */
async function create(username: string, roles: string[], extra: Record<string, unknown> = {}) {
  const response = await admin.post('/api/users', { username, displayName: `Test ${username}`, agencyId: agencyIds['Police'], roles, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; activationCode: string; activationExpiresAt: string; activation: string | null; pendingGrant: { id: string } | null };
}

async function signInFails(username: string, password: string): Promise<void> {
  const login = await sanad.anonymous().post('/api/auth/login', { username, password });
  expect(login.statusCode, `${username} signed in with ${password}`).toBe(401);
}

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  [admin, admin2] = [await sanad.signIn('admin'), await sanad.signIn('admin2')];
  const agencies = (await admin.get('/api/agencies?pageSize=200')).json().items as { id: string; type: string }[];
  agencyIds = Object.fromEntries(agencies.map((a) => [a.type, a.id]));
});
afterAll(async () => sanad?.close());

describe('creating a user', () => {
  it('takes no password: one sent is ignored, and the account answers no password at all until activated', async () => {
    const user = await create('no.password', ['analyst'], { password: PASSWORD });
    expect(user.activationCode).toMatch(CODE_SHAPE);
    expect(Date.parse(user.activationExpiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);
    expect(Date.parse(user.activationExpiresAt) - Date.now()).toBeLessThanOrEqual(72 * 3600_000);
    expect(user.activation).toBe('pending');
    for (const password of [PASSWORD, DEMO_PASSWORD, user.activationCode, '']) await signInFails('no.password', password || 'x');
  });

  it('stores the activation code only as a keyed hash, nowhere in clear', async () => {
    const user = await create('hash.check', ['analyst']);
    const { pool } = sanad.ctx.database;
    const forms = [user.activationCode, user.activationCode.replace(/-/g, ''), user.activationCode.toLowerCase()];
    // Every row of every table, read as the owner (the application's role may not read them all).
    await sanad.ctx.database.asOwner(async (owner) => {
      const tables = (await owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename as string);
      expect(tables).toContain('user_activations');
      for (const table of tables) {
        const { rows } = await owner.query(`SELECT t::text AS row FROM ${table} t`);
        for (const { row } of rows) for (const form of forms) expect(row.includes(form), `${table} holds the code`).toBe(false);
      }
    });
    const stored = await pool.query('SELECT code_hash FROM user_activations WHERE user_id = $1', [user.id]);
    expect(stored.rows[0].code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('activating an account', () => {
  it('after approval, sets the password the person chose, then needs 2FA enrolment before anything else', async () => {
    const user = await create('first.signin', ['first_responder']);
    expect((await admin2.post(`/api/role-grants/${user.pendingGrant!.id}/approve`)).statusCode).toBe(200);
    const { client, response } = await sanad.activate('First.Signin', user.activationCode.toLowerCase(), PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ twoFactor: 'enrol' });
    // Not usable until the second factor is enrolled.
    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await client.get('/api/cases')).statusCode).toBe(401);
    const enrolment = await client.get('/api/auth/2fa/enrol');
    expect(enrolment.statusCode, enrolment.body).toBe(200);
    expect((await client.post('/api/auth/2fa', { code: await freshDemoCode('first.signin', enrolment.json().secret) })).statusCode).toBe(200);
    expect((await client.get('/api/cases')).statusCode).toBe(200);
    // The chosen password now works (with 2FA, which is enrolled).
    const login = await sanad.anonymous().post('/api/auth/login', { username: 'first.signin', password: PASSWORD });
    expect(login.json()).toEqual({ twoFactor: 'required' });
    const listed = (await admin.get('/api/users?q=first.signin')).json().items[0];
    expect(listed).toMatchObject({ activation: null, twoFactorEnabled: true });
  });

  it('works once', async () => {
    const user = await create('once.only', ['analyst']);
    expect((await sanad.activate('once.only', user.activationCode, PASSWORD)).response.statusCode).toBe(200);
    const again = await sanad.activate('once.only', user.activationCode, 'Another-Long-Passphrase-7');
    expect(again.response.statusCode).toBe(401);
    expect(again.response.json().error).toMatchObject({ code: 'ACTIVATION_INVALID', details: { reason: 'used' } });
    await signInFails('once.only', 'Another-Long-Passphrase-7');
  });

  it('expires', async () => {
    const user = await create('too.late', ['analyst']);
    await sanad.ctx.database.pool.query(`UPDATE user_activations SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const late = await sanad.activate('too.late', user.activationCode, PASSWORD);
    expect(late.response.json().error).toMatchObject({ code: 'ACTIVATION_INVALID', details: { reason: 'expired' } });
    expect((await admin.get('/api/users?q=too.late')).json().items[0].activation).toBe('expired');
    await signInFails('too.late', PASSWORD);
  });

  it('belongs to its username: another user’s or a made-up code reads as invalid', async () => {
    const user = await create('code.owner', ['analyst']);
    for (const [username, code] of [
      ['analyst', user.activationCode],
      ['code.owner', 'AAAAA-BBBBB-CCCCC-DDDDD'],
    ] as const) {
      const { response } = await sanad.activate(username, code, PASSWORD);
      expect(response.json().error).toMatchObject({ code: 'ACTIVATION_INVALID', details: { reason: 'invalid' } });
    }
    const failures = await sanad.ctx.database.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.activated' AND outcome = 'failure'`);
    expect(failures.rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('refuses a weak password without using the code up', async () => {
    const user = await create('weak.choice', ['analyst']);
    const weak = await sanad.activate('weak.choice', user.activationCode, 'short');
    expect(weak.response.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'too_short' } });
    expect((await sanad.activate('weak.choice', user.activationCode, PASSWORD)).response.statusCode).toBe(200);
  });
});

describe('a new activation code (the administrator’s "reset password")', () => {
  it('stops the old password, ends sessions, and puts identity roles back to a second approval', async () => {
    const responderId = (await sanad.ctx.database.pool.query(`SELECT id FROM users WHERE username = 'responder'`)).rows[0].id;
    const responder = await sanad.signIn('responder');
    const reissued = await admin.post(`/api/users/${responderId}/activation`);
    expect(reissued.statusCode, reissued.body).toBe(200);
    const body = reissued.json();
    expect(body.activationCode).toMatch(CODE_SHAPE);
    expect(body).toMatchObject({ roles: [], activation: 'pending', pendingGrant: { roles: ['first_responder'], cause: 'activation_reissued' } });
    expect((await responder.get('/api/me')).statusCode).toBe(401);
    await signInFails('responder', DEMO_PASSWORD);
    // The administrator who issued the code cannot give the role back alone.
    expect((await admin.post(`/api/role-grants/${body.pendingGrant.id}/approve`)).statusCode).toBe(403);
    // The person's own 2FA is still needed after activating: the code alone is not the account.
    const { response } = await sanad.activate('responder', body.activationCode, PASSWORD);
    expect(response.json()).toEqual({ twoFactor: 'required' });
  });

  it('is not for one’s own account', async () => {
    const adminId = (await admin.get('/api/me')).json().user.id;
    const own = await admin.post(`/api/users/${adminId}/activation`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('self_activation');
  });

  it('is revoked by a 2FA reset, so a code and a fresh enrolment never meet in one administrator’s hands', async () => {
    const user = await create('reset.both', ['analyst']);
    expect((await admin.post(`/api/users/${user.id}/reset-2fa`)).statusCode).toBe(200);
    const { response } = await sanad.activate('reset.both', user.activationCode, PASSWORD);
    expect(response.json().error).toMatchObject({ code: 'ACTIVATION_INVALID', details: { reason: 'invalid' } });
  });
});

describe('the first administrator', () => {
  it('is created at the console with the operator’s password, and signs in with it', async () => {
    const agencyId = agencyIds['CentralGovernmentOrganisation']!;
    await sanad.ctx.database.db.transaction((tx) =>
      createAdministratorFromConsole(tx, SYSTEM_CONTEXT, { username: 'operator.admin', displayName: 'Operator', agencyId, locale: 'fr', password: PASSWORD }),
    );
    const login = await sanad.anonymous().post('/api/auth/login', { username: 'operator.admin', password: PASSWORD });
    expect(login.json()).toEqual({ twoFactor: 'enrol' });
  });
});
