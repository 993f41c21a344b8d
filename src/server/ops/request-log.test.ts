import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  });

  it('keep no client address, so a visit to the public report page cannot be traced to its reporter', async () => {
    lines.length = 0;
    const visitor = '203.0.113.77';
    for (const url of ['/report?lang=ar', '/assets/index.js']) await sanad.app.inject({ method: 'GET', url, remoteAddress: visitor });
    const report = await sanad.app.inject({ method: 'POST', url: '/api/public/reports', payload: { narrative: 'Two boys beg at the Marrakech bus station every day; a man takes their money each evening.' }, remoteAddress: visitor });
    expect(report.statusCode, report.body).toBe(201);
    const logged = lines.join('\n');
    expect(logged).toContain('"path":"/report"');
    expect(logged).toContain('"path":"/assets/index.js"');
    expect(logged).not.toContain(visitor);
    expect(logged).not.toContain('remoteAddress');
  });
});
