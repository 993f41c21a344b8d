import type { Config } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { loadKeyring, type Keyring } from '../crypto/keyring.js';
import { verifyKeyringAgainstDatabase } from '../crypto/key-check.js';
import { useAuditKeys } from '../audit/record-audit.js';

export interface CliDatabaseOptions {
  migrate?: boolean;
  /** False for read-only checks run under someone else's role (an external auditor). */
  applicationRole?: boolean;
}

/** Opens the configured database for one command and closes it afterwards. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>, options: CliDatabaseOptions = {}): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrationDatabaseUrl: config.migrationDatabaseUrl,
    dataDir: config.dataDir,
    migrate: options.migrate ?? true,
    applicationRole: options.applicationRole ?? true,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Loads the keys, proves they open this database, and lets audit appends use them. */
export async function openKeys(config: Config, database: Database): Promise<Keyring> {
  const keyring = await loadKeyring(config.dataDir, config.masterKey, config.keyFile);
  await verifyKeyringAgainstDatabase(database.pool, keyring);
  useAuditKeys(database, keyring);
  return keyring;
}
