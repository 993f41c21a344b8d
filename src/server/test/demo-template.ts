import { open, rename, rm, stat } from 'node:fs/promises';
import { inject } from 'vitest';
import { keyringFromKeys, type Keyring } from '../crypto/keyring.js';
import { verifyKeyringAgainstDatabase } from '../crypto/key-check.js';
import { useAuditKeys } from '../audit/record-audit.js';
import { openDatabase, type Database } from '../db/database.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';
import { templateDatabases, urlForDatabase, withDatabase } from './postgres-admin.js';

// The demo seed is a few seconds of work alone and several times that on a busy machine. The first
// test file of a run that needs the demo pathway seeds it once into a template; every such file then
// starts from a copy, sealed with the same key. Runs whose files need no demo data never seed it.

// A guard against a template builder that died (its error is in its own file's report), not a speed limit.
const WAIT_GUARD_MS = 170_000;

/** The key the demo template's data is sealed with: the same for every copy in this run. */
export function demoKeyring(): Keyring {
  return keyringFromKeys([Buffer.from(inject('demoKey'), 'base64')]);
}

/** Seeds the demo, accounts and pathway, into an open, migrated, empty database. */
async function seedInto(database: Database): Promise<void> {
  const keyring = demoKeyring();
  await verifyKeyringAgainstDatabase(database.pool, keyring);
  useAuditKeys(database, keyring);
  await seedDemoIfEmpty({ database, keyring });
}

/** Builds the PostgreSQL demo template once, under an advisory lock: a second file waits for the first. */
export async function ensurePostgresDemoTemplate(url: string): Promise<string> {
  const { migrated, demo, demoBuilding } = templateDatabases(inject('runId'));
  await withDatabase(url, async (admin) => {
    // Session-level: released when this connection ends, even if the seed throws.
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [demo]);
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [demo]);
    if (rowCount) return;
    // Seeded under a working name and renamed when complete, so a failed seed never leaves a half template.
    await admin.query(`DROP DATABASE IF EXISTS ${demoBuilding} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${demoBuilding} TEMPLATE ${migrated}`);
    const database = await openDatabase({ databaseUrl: urlForDatabase(url, demoBuilding), migrate: false, poolSize: 2 });
    try {
      await seedInto(database);
    } finally {
      await database.close();
    }
    await admin.query(`ALTER DATABASE ${demoBuilding} RENAME TO ${demo}`);
  });
  return demo;
}

const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

/**
 * Builds the PGlite demo dump once: the file that takes the lock file seeds and dumps (to a working
 * name, renamed when complete); the others poll until the dump exists, or take over the lock when its
 * holder gave up. Returns the dump's path.
 */
export async function ensurePgliteDemoTemplate(): Promise<string> {
  const file = inject('demoTemplateFile');
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + WAIT_GUARD_MS;
  while (!(await exists(file))) {
    const lock = await open(lockFile, 'wx').catch(() => null);
    if (lock) {
      try {
        if (!(await exists(file))) await buildPgliteDump(file);
      } finally {
        await lock.close();
        await rm(lockFile, { force: true });
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the demo template ${file} was not built in time: see the test file that built it`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return file;
}

async function buildPgliteDump(file: string): Promise<void> {
  const database = await openDatabase({ templateFile: inject('templateFile'), migrate: false });
  const { embedded } = database;
  if (!embedded) throw new Error('a PGlite template needs the embedded database');
  let poolOpen = true;
  try {
    await seedInto(database);
    // As the migrated template is made: no client connected while the data directory is written.
    await database.pool.end();
    poolOpen = false;
    const building = `${file}.building`;
    await embedded.dumpTo(building);
    await rename(building, file);
  } finally {
    if (poolOpen) await database.pool.end();
    await embedded.stop();
  }
}
