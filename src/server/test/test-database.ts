import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { ensurePgliteDemoTemplate, ensurePostgresDemoTemplate } from './demo-template.js';
import { templateDatabases, urlForDatabase, withDatabase } from './postgres-admin.js';

/**
 * A fresh database for one test file: PGlite loaded from a template dump, or a PostgreSQL database
 * cloned from a template database when DATABASE_URL is set. The template is the migrated schema, or
 * with `demo` the seeded demo pathway (its data is sealed with demoKeyring()). Closing it drops it.
 */
export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const templateFile = options.demo ? await ensurePgliteDemoTemplate() : inject('templateFile');
    return openDatabase({ templateFile, migrate: false, poolSize: 5 });
  }
  const template = options.demo ? await ensurePostgresDemoTemplate(url) : templateDatabases(inject('runId')).migrated;
  const name = `sanad_test_${randomBytes(6).toString('hex')}`;
  await withDatabase(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const database = await openDatabase({ databaseUrl: urlForDatabase(url, name), migrate: false, poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await withDatabase(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
