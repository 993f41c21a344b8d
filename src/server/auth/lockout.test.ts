import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { freshDemoCode, startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { FAILURES_BEFORE_LOCK } from './login.js';
import { TOTP_GUARDRAILS } from './totp.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

/** A six-digit code that is wrong for the secret at every time step the server would accept now. */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  const valid = new Set<string>();
  for (let step = now - 2; step <= now + 2; step += 1) valid.add(await generate({ secret, epoch: step * 30, guardrails: TOTP_GUARDRAILS }));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Signs a demo user in once (enrolling their second factor) and returns the secret enrolled. */
async function enrolled(username: string): Promise<string> {
  const client = sanad.anonymous();
  expect((await client.post('/api/auth/login', { username, password: DEMO_PASSWORD })).json().twoFactor).toBe('enrol');
  const secret = (await client.get('/api/auth/2fa/enrol')).json().secret as string;
  expect((await client.post('/api/auth/2fa', { code: await freshDemoCode(username, secret) })).statusCode).toBe(200);
  return secret;
}

/** A session that passed the password and waits for its second factor. */
async function passwordOnly(username: string): Promise<TestClient> {
  const client = sanad.anonymous();
  const login = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(login.statusCode, login.body).toBe(200);
  expect(['required', 'enrol']).toContain(login.json().twoFactor);
  return client;
}

async function lockState(username: string): Promise<{ failures: number; locked: boolean }> {
  const result = await sanad.ctx.database.db.execute<{ failed_logins: number; locked: boolean }>(
    sql`SELECT failed_logins, coalesce(locked_until > now(), false) AS locked FROM users WHERE username = ${username}`,
  );
  return { failures: Number(result.rows[0]!.failed_logins), locked: Boolean(result.rows[0]!.locked) };
}

/** Lets the current lock run out (the failure count stays), without waiting for it. */
async function expireLock(username: string): Promise<void> {
  await sanad.ctx.database.db.execute(sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = ${username}`);
}

async function failPasswords(username: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const answer = await sanad.anonymous().post('/api/auth/login', { username, password: `wrong-password-${i}` });
    expect(answer.json().error.code).toBe('INVALID_CREDENTIALS');
  }
}

describe('lockout and the second factor', () => {
  it('locks an account after repeated wrong codes after one correct password, with back-off, and the lock holds', async () => {
    const secret = await enrolled('responder');
    const attacker = await passwordOnly('responder');
    const wrong = await wrongCode(secret);
    for (let i = 0; i < FAILURES_BEFORE_LOCK; i += 1) {
      expect((await attacker.post('/api/auth/2fa', { code: wrong })).json().error.code).toBe('TWO_FACTOR_INVALID');
    }
    expect(await lockState('responder')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });

    // During the lock no code is even checked: a wrong one is not counted, a right one does not get in.
    const refused = await attacker.post('/api/auth/2fa', { code: wrong });
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(refused.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await attacker.post('/api/auth/2fa', { code: await freshDemoCode('responder', secret) })).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await attacker.get('/api/me')).json().error.code).toBe('TWO_FACTOR_REQUIRED');
    expect(await lockState('responder')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });
    expect((await sanad.anonymous().post('/api/auth/login', { username: 'responder', password: DEMO_PASSWORD })).json().error.code).toBe('ACCOUNT_LOCKED');

    // Once the lock runs out, a single further wrong code locks again, for twice as long.
    await expireLock('responder');
    expect((await attacker.post('/api/auth/2fa', { code: wrong })).json().error.code).toBe('TWO_FACTOR_INVALID');
    const again = await attacker.post('/api/auth/2fa', { code: wrong });
    expect(again.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(again.json().error.details.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('counts wrong codes per account, across sessions that each passed the password', async () => {
    const secret = await enrolled('prosecutor');
    const wrong = await wrongCode(secret);
    for (let i = 0; i < FAILURES_BEFORE_LOCK; i += 1) {
      const session = await passwordOnly('prosecutor');
      expect((await session.post('/api/auth/2fa', { code: wrong })).json().error.code).toBe('TWO_FACTOR_INVALID');
    }
    expect(await lockState('prosecutor')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });
    expect((await sanad.anonymous().post('/api/auth/login', { username: 'prosecutor', password: DEMO_PASSWORD })).statusCode).toBe(423);
  });

  it('refuses a session that passed the password before the lock: no 2FA, no access, the lock stays', async () => {
    const secret = await enrolled('hotline');
    const early = await passwordOnly('hotline');
    await failPasswords('hotline', FAILURES_BEFORE_LOCK);
    const answer = await early.post('/api/auth/2fa', { code: await freshDemoCode('hotline', secret) });
    expect(answer.statusCode).toBe(423);
    expect(answer.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(answer.headers['retry-after']).toBeDefined();
    expect((await early.get('/api/me')).statusCode).toBe(401);
    expect(await lockState('hotline')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });
  });

  it('refuses enrolment of a locked account, both showing the secret and confirming it', async () => {
    const early = await passwordOnly('casemanager');
    const secret = (await early.get('/api/auth/2fa/enrol')).json().secret as string;
    await failPasswords('casemanager', FAILURES_BEFORE_LOCK);
    expect((await early.get('/api/auth/2fa/enrol')).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await early.post('/api/auth/2fa', { code: await freshDemoCode('casemanager', secret) })).json().error.code).toBe('ACCOUNT_LOCKED');
    const row = await sanad.ctx.database.db.execute<{ enrolled: boolean }>(
      sql`SELECT totp_secret_enc IS NOT NULL AS enrolled FROM users WHERE username = 'casemanager'`,
    );
    expect(row.rows[0]!.enrolled).toBe(false);
    expect(await lockState('casemanager')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });
  });

  it('does not reset the failure count on a correct password alone, only on a complete sign-in', async () => {
    const secret = await enrolled('shelter');
    await failPasswords('shelter', FAILURES_BEFORE_LOCK - 1);
    const pending = await passwordOnly('shelter');
    expect(await lockState('shelter')).toEqual({ failures: FAILURES_BEFORE_LOCK - 1, locked: false });
    expect((await pending.post('/api/auth/2fa', { code: await wrongCode(secret) })).json().error.code).toBe('TWO_FACTOR_INVALID');
    expect(await lockState('shelter')).toEqual({ failures: FAILURES_BEFORE_LOCK, locked: true });

    // After the lock, the whole sign-in (password and code) clears the count.
    await expireLock('shelter');
    const complete = await passwordOnly('shelter');
    expect((await complete.post('/api/auth/2fa', { code: await freshDemoCode('shelter', secret) })).statusCode).toBe(200);
    expect(await lockState('shelter')).toEqual({ failures: 0, locked: false });
  });

  it('resets the count on a password-only sign-in for roles without a second factor', async () => {
    await failPasswords('analyst', FAILURES_BEFORE_LOCK - 1);
    expect((await sanad.anonymous().post('/api/auth/login', { username: 'analyst', password: DEMO_PASSWORD })).json()).toMatchObject({ twoFactor: 'none' });
    expect(await lockState('analyst')).toEqual({ failures: 0, locked: false });
  });
});
