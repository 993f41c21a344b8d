import type { ProviderInput } from '@shared/api/providers.js';
import type { TestClient, TestSanad } from '../test/harness.js';
import { DEMO_AGENCIES } from '../demo/demo-accounts.js';

/** The demo agencies' ids by their demo key. */
export async function demoAgencyIds(sanad: TestSanad): Promise<Map<string, string>> {
  const { rows } = await sanad.ctx.database.pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies');
  return new Map(DEMO_AGENCIES.map((a) => [a.key, rows.find((r) => r.name === a.name)!.id]));
}

/** Creates a provider through the API as `admin`; fails the test unless it is created. */
export async function createProviderVia(admin: TestClient, input: ProviderInput): Promise<{ id: string; version: number }> {
  const response = await admin.post('/api/providers', input);
  if (response.statusCode !== 201) throw new Error(`create provider failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number };
}
