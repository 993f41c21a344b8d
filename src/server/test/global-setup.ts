import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { templateDatabases, urlForDatabase, withDatabase } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data-directory dump every test file starts from. */
    templateFile: string;
    /** PGlite: where the first file that needs the demo pathway dumps it for the others (demo-template.ts). */
    demoTemplateFile: string;
    /** The key (base64) the demo template is sealed with, so every copy of it opens. */
    demoKey: string;
    /** PostgreSQL: this run's id, which names its template databases (postgres-admin.ts). */
    runId: string;
  }
}

/**
 * Migrates one template database before the suite, so each test file gets a
 * fresh, migrated database in about a second: a PGlite dump, or on PostgreSQL
 * (DATABASE_URL) a template database that files clone with CREATE DATABASE.
 * The demo template is built later, only if a file needs it (demo-template.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('demoKey', randomBytes(32).toString('base64'));
  const url = process.env['DATABASE_URL'];
  if (url) {
    const runId = randomBytes(5).toString('hex');
    const templates = templateDatabases(runId);
    const dropTemplates = () =>
      withDatabase(url, async (admin) => {
        for (const name of Object.values(templates)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    await withDatabase(url, (admin) => admin.query(`CREATE DATABASE ${templates.migrated}`));
    try {
      const pool = new pg.Pool({ connectionString: urlForDatabase(url, templates.migrated), max: 1 });
      await migrate(pool);
      await pool.end();
    } catch (error) {
      await dropTemplates();
      throw error;
    }
    project.provide('runId', runId);
    project.provide('templateFile', '');
    project.provide('demoTemplateFile', '');
    return dropTemplates;
  }
  const dir = await mkdtemp(join(tmpdir(), 'sanad-template-'));
  const templateFile = join(dir, 'template.tar');
  const embedded = await startEmbeddedDatabase();
  const pool = new pg.Pool({ ...embedded.connection, max: 1 });
  await migrate(pool);
  await pool.end();
  await embedded.dumpTo(templateFile);
  await embedded.stop();
  project.provide('runId', '');
  project.provide('templateFile', templateFile);
  project.provide('demoTemplateFile', join(dir, 'demo-template.tar'));
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
