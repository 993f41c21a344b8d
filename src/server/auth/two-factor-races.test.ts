import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { FAILURES_BEFORE_LOCK } from './login.js';
import { TOTP_GUARDRAILS } from './totp.js';

// Concurrency is what these tests are about: every request of a round is in flight at once.
let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * 30, guardrails: TOTP_GUARDRAILS });
const currentStep = () => Math.floor(Date.now() / 30_000);

async function sessionsAfterPassword(username: string, count: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = sanad.anonymous();
    const login = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    expect(login.statusCode, login.body).toBe(200);
    clients.push(client);
  }
  return clients;
}

describe('one TOTP code, several sessions at once', () => {
  // Two rounds per user: confirming enrolment, then an ordinary sign-in at the next time step.
  const USERS = ['hotline', 'responder', 'casemanager', 'shelter', 'legalaid'];
  const SESSIONS = 3;

  it('accepts a code once per account, however many sessions send it together', async () => {
    const accepted: number[] = [];
    for (const username of USERS) {
      const enrolling = await sessionsAfterPassword(username, SESSIONS);
      let secret = '';
      for (const client of enrolling) secret = (await client.get('/api/auth/2fa/enrol')).json().secret as string;
      const firstStep = currentStep();
      const enrolCode = await codeAt(secret, firstStep);
      const enrolAnswers = await Promise.all(enrolling.map((client) => client.post('/api/auth/2fa', { code: enrolCode })));
      accepted.push(enrolAnswers.filter((a) => a.statusCode === 200).length);

      // The next time step is still within the accepted drift whatever the clock does meanwhile.
      const signingIn = await sessionsAfterPassword(username, SESSIONS);
      const code = await codeAt(secret, firstStep + 1);
      const answers = await Promise.all(signingIn.map((client) => client.post('/api/auth/2fa', { code })));
      accepted.push(answers.filter((a) => a.statusCode === 200).length);
      for (const answer of answers.filter((a) => a.statusCode !== 200)) expect(answer.json().error.code).toBe('TWO_FACTOR_INVALID');
    }
    expect(accepted).toEqual(USERS.flatMap(() => [1, 1]));
    // Thirty password hashes: generous room on a loaded machine; the outcome does not depend on timing.
  }, 180_000);
});

describe('wrong codes sent together', () => {
  it('checks no more codes than the lockout allows, and counts each account once per failure', async () => {
    const [first] = await sessionsAfterPassword('auditor', 1);
    const secret = (await first!.get('/api/auth/2fa/enrol')).json().secret as string;
    expect((await first!.post('/api/auth/2fa', { code: await codeAt(secret, currentStep()) })).statusCode).toBe(200);

    const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((d) => codeAt(secret, currentStep() + d))));
    const wrong = ['000000', '111111', '222222', '333333', '444444', '555555'].find((c) => !valid.has(c))!;
    const attackers = await sessionsAfterPassword('auditor', FAILURES_BEFORE_LOCK * 2);
    const answers = await Promise.all(attackers.map((client) => client.post('/api/auth/2fa', { code: wrong })));
    const codes = answers.map((a) => a.json().error.code as string);
    expect(codes.filter((c) => c === 'TWO_FACTOR_INVALID')).toHaveLength(FAILURES_BEFORE_LOCK);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(FAILURES_BEFORE_LOCK);
    const row = await sanad.ctx.database.db.execute<{ failed_logins: number }>(sql`SELECT failed_logins FROM users WHERE username = 'auditor'`);
    expect(Number(row.rows[0]!.failed_logins)).toBe(FAILURES_BEFORE_LOCK);
  });
});
