import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestForLog } from '../system.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';

// Every line the server logs while this file runs.
const lines: string[] = [];
const destination = { write: (line: string) => void lines.push(line) };

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad({ demo: true, logDestination: destination });
});
afterAll(async () => sanad?.close());

describe('request logs', () => {
  it('keep the path but never the query string, which can carry a searched name', async () => {
    const responder = await sanad.signIn('responder');
    lines.length = 0;
    expect((await responder.get('/api/cases?q=Mohamed%20Alaoui&pageSize=5')).statusCode).toBe(200);
    const logged = lines.join('\n');
    expect(logged).toContain('"path":"/api/cases"');
    expect(logged).not.toMatch(/Mohamed|Alaoui|q=/);
    expect(logged).toContain('"remoteAddress":"127.0.0.1"');
  });

  it('keep no client address for the anonymous public report', async () => {
    lines.length = 0;
    const answer = await sanad.app.inject({ method: 'POST', url: '/api/public/reports', payload: { narrative: 'x' }, remoteAddress: '203.0.113.77' });
    expect(answer.statusCode).toBeGreaterThanOrEqual(200);
    expect(lines.join('\n')).not.toContain('203.0.113.77');
    // Public routes log only warnings, and a warning's request still carries no address.
    expect(requestForLog({ method: 'POST', url: '/api/public/reports?lang=ar', ip: '203.0.113.77' })).toEqual({ method: 'POST', path: '/api/public/reports' });
  });
});
