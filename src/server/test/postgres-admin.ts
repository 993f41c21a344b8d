import pg from 'pg';

/**
 * The PostgreSQL templates of one test run: the migrated database every test database is cloned
 * from, and the same with the demo seeded (built by the first test file that needs it, see
 * demo-template.ts). Named per run, so two runs on one server never drop each other's templates.
 */
export function templateDatabases(runId: string): { migrated: string; demo: string; demoBuilding: string } {
  const migrated = `sanad_test_template_${runId}`;
  return { migrated, demo: `${migrated}_demo`, demoBuilding: `${migrated}_demo_building` };
}

/** Runs `work` with a single connection to the server named by `url` (for CREATE/DROP DATABASE). */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function urlForDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}
