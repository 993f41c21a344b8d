import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { TEMPLATE_DATABASE, urlForDatabase, withDatabase } from './postgres-admin.js';

/**
 * A fresh, migrated database for one test file: PGlite loaded from the
 * template dump, or a PostgreSQL database cloned from the template when
 * DATABASE_URL is set. Closing it drops it.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    return openDatabase({ templateFile: inject('templateFile'), migrate: false, poolSize: 5 });
  }
  const name = `sanad_test_${randomBytes(6).toString('hex')}`;
  await withDatabase(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const database = await openDatabase({ databaseUrl: urlForDatabase(url, name), migrate: false, poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await withDatabase(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
