import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, freshDemoCode, type TestSanad } from '../test/harness.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

describe('sign-in', () => {
  it('asks a new identity-role user to enrol, then requires 2FA on later sign-ins', async () => {
    const client = sanad.anonymous();
    const first = await client.post('/api/auth/login', { username: 'casemanager', password: DEMO_PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ twoFactor: 'enrol' });
    const cookie = first.cookies.find((c) => c.name === 'sanad_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');

    // Before 2FA nothing but enrolment is reachable.
    expect((await client.get('/api/me')).json().error.code).toBe('TWO_FACTOR_REQUIRED');
    const enrol = await client.get('/api/auth/2fa/enrol');
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.json().otpauthUrl).toContain('otpauth://totp/');

    const wrong = await client.post('/api/auth/2fa', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TWO_FACTOR_INVALID');

    const code = await freshDemoCode('casemanager');
    const ok = await client.post('/api/auth/2fa', { code });
    expect(ok.statusCode).toBe(200);
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.twoFactorEnabled).toBe(true);
    expect(me.json().user.roles).toEqual(['case_manager']);

    // The same code cannot be replayed.
    const again = sanad.anonymous();
    expect((await again.post('/api/auth/login', { username: 'casemanager', password: DEMO_PASSWORD })).json()).toEqual({ twoFactor: 'required' });
    expect((await again.post('/api/auth/2fa', { code })).json().error.code).toBe('TWO_FACTOR_INVALID');
  });

  it('lets roles without identities in without 2FA', async () => {
    const client = sanad.anonymous();
    expect((await client.post('/api/auth/login', { username: 'analyst', password: DEMO_PASSWORD })).json()).toEqual({ twoFactor: 'none' });
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await sanad.anonymous().post('/api/auth/login', { username: 'nobody', password: 'whatever-password' });
    const wrong = await sanad.anonymous().post('/api/auth/login', { username: 'coordinator', password: 'wrong-password-123' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after repeated failures, with a retry time', async () => {
    for (let i = 0; i < 5; i += 1) {
      await sanad.anonymous().post('/api/auth/login', { username: 'auditor', password: `wrong-password-${i}` });
    }
    const locked = await sanad.anonymous().post('/api/auth/login', { username: 'auditor', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const client = await sanad.signIn('admin');
    const withoutToken = await client.request('PATCH', '/api/me', { locale: 'fr' }, { 'x-csrf-token': '' });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_FAILED');
    expect((await client.patch('/api/me', { locale: 'fr' })).statusCode).toBe(200);
  });

  it('logs out everywhere', async () => {
    const a = await sanad.signIn('coordinator');
    const b = await sanad.signIn('coordinator');
    expect((await a.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });

  it('enforces the password policy on change', async () => {
    const client = await sanad.signIn('legalaid');
    const short = await client.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'too_short' } });
    const common = await client.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Password123456!' });
    expect(common.json().error.details.reason).toBe('common');
    const good = await client.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a long and unusual phrase 77' });
    expect(good.statusCode).toBe(200);
  });
});
