import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestSanad } from '../test/harness.js';

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
});
afterAll(async () => sanad?.close());

const shape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('one error shape', () => {
  it('404 for unknown API routes, 405 for a wrong method', async () => {
    const missing = await sanad.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const wrongMethod = await sanad.app.inject({ method: 'DELETE', url: '/api/auth/login' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
    expect(wrongMethod.headers['allow']).toContain('POST');
  });

  it('413 for an oversized body', async () => {
    const response = await sanad.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('400 naming the field for invalid input, and for malformed JSON', async () => {
    const invalid = await sanad.anonymous().post('/api/auth/login', { username: '', password: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'username' }] } } });
    const malformed = await sanad.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { reason: 'malformed_json' } } });
  });

  it('never leaks a stack trace', async () => {
    const responses = [
      await sanad.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '[' }),
      await sanad.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' }),
      await sanad.app.inject({ method: 'GET', url: '/api/users' }),
    ];
    for (const response of responses) {
      expect(response.json()).toMatchObject(shape);
      expect(response.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
    }
  });
});
