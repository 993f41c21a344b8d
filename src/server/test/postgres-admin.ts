import pg from 'pg';

/** The migrated database every PostgreSQL test database is cloned from. */
export const TEMPLATE_DATABASE = 'sanad_test_template';

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
