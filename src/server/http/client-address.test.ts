import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from '../config/config.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { PUBLIC_REPORT_RATE_LIMIT } from '../reports/public-report-routes.js';

// Sanad behind one reverse proxy at 10.0.0.5: the proxy appends the address it saw to X-Forwarded-For.
const PROXY = '10.0.0.5';
let sanad: TestSanad;

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, env: { SANAD_TRUST_PROXY: '1' } });
});
afterAll(async () => sanad?.close());

/** A request as the proxy forwards it: whatever the client sent in X-Forwarded-For, then the client's real address. */
function throughProxy(url: string, payload: unknown, clientSent: string, realClient: string) {
  return sanad.app.inject({
    method: 'POST',
    url,
    remoteAddress: PROXY,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `${clientSent}, ${realClient}` },
    payload: JSON.stringify(payload),
  });
}

describe('client address behind a proxy', () => {
  it('never trusts every proxy: "true" is refused with a reason, hop counts and addresses are accepted', () => {
    expect(() => loadConfig({ SANAD_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ SANAD_TRUST_PROXY: 'true' })).toThrow(/forge/);
    expect(() => loadConfig({ SANAD_TRUST_PROXY: 'everyone' })).toThrow(/SANAD_TRUST_PROXY/);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16')).toEqual(['10.0.0.5', '10.1.0.0/16']);
  });

  it('records the address the proxy saw, not the one the client wrote, in the audit trail', async () => {
    const login = await throughProxy('/api/auth/login', { username: 'hotline', password: 'not-the-password-1' }, '198.51.100.66', '203.0.113.77');
    expect(login.statusCode).toBe(401);
    const { rows } = await sanad.ctx.database.pool.query<{ ip: string }>(
      "SELECT ip FROM audit_events WHERE action = 'auth.login' AND outcome = 'failure' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]?.ip).toBe('203.0.113.77');
  });

  it('counts the rate limit per real client, whatever address it forges', async () => {
    const report = {
      narrative: 'Workers on a farm near Berkane are not paid and cannot leave.',
      exploitationForms: ['forced_labour'],
      region: 'MA-02',
      immediateDanger: false,
      language: 'fr',
    };
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_REPORT_RATE_LIMIT.max; i += 1) {
      const answer = await throughProxy('/api/public/reports', report, `192.0.2.${i + 1}`, '203.0.113.200');
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(0, PUBLIC_REPORT_RATE_LIMIT.max).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('responses carrying identities', () => {
  it('are never stored by a browser or a proxy', async () => {
    const hotline = await sanad.signIn('hotline');
    for (const url of ['/api/me', '/api/reports', '/api/notifications']) {
      const answer = await hotline.get(url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['cache-control'], url).toBe('no-store');
    }
    const refused = await sanad.anonymous().get('/api/cases');
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('a proxy named by its address', () => {
  it('believes X-Forwarded-For only from that proxy; a direct client keeps its own address', async () => {
    const named = await startTestSanad({ env: { SANAD_TRUST_PROXY: PROXY } });
    try {
      const send = (remoteAddress: string) =>
        named.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.66, 203.0.113.78' },
          payload: JSON.stringify({ username: 'nobody', password: 'not-the-password-1' }),
        });
      expect((await send(PROXY)).statusCode).toBe(401);
      expect((await send('192.0.2.44')).statusCode).toBe(401);
      const { rows } = await named.ctx.database.pool.query<{ ip: string }>(
        "SELECT ip FROM audit_events WHERE action = 'auth.login' AND outcome = 'failure' ORDER BY occurred_at, id",
      );
      // Through the proxy: the address it saw (the rightmost entry). Directly: the socket, whatever the header says.
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.78', '192.0.2.44']);
    } finally {
      await named.close();
    }
  });
});
