import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { TEMPLATE_DATABASE, withDatabase } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data-directory dump every test file starts from. */
    templateFile: string;
  }
}

/**
 * Migrates one template database before the suite, so each test file gets a
 * fresh, migrated database in about a second: a PGlite dump, or on PostgreSQL
 * (DATABASE_URL) a template database that files clone with CREATE DATABASE.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    await withDatabase(url, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    });
    const target = new URL(url);
    target.pathname = `/${TEMPLATE_DATABASE}`;
    const pool = new pg.Pool({ connectionString: target.toString(), max: 1 });
    await migrate(pool);
    await pool.end();
    project.provide('templateFile', '');
    return async () => {
      await withDatabase(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`));
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'sanad-template-'));
  const templateFile = join(dir, 'template.tar');
  const embedded = await startEmbeddedDatabase();
  const pool = new pg.Pool({ ...embedded.connection, max: 1 });
  await migrate(pool);
  await pool.end();
  await embedded.dumpTo(templateFile);
  await embedded.stop();
  project.provide('templateFile', templateFile);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
