import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type Database } from './db/database.js';
import { loadKeyring, type Keyring } from './crypto/keyring.js';
import { verifyKeyringAgainstDatabase } from './crypto/key-check.js';
import { useAuditKeys } from './audit/record-audit.js';
import { reindexPersons } from './cases/person-reindex.js';
import { buildApp, type RegisteredRoute, type ZodApp } from './http/app.js';
import type { AppContext } from './http/app-context.js';

/**
 * What a log line keeps of a request: its method and path. The query string is dropped because a
 * case search carries a name (`?q=…`). The client address is dropped too: the public report page
 * and every asset it loads would otherwise tie an anonymous reporter to an address, and the audit
 * trail already records the address of every signed-in action and sign-in attempt.
 */
export function requestForLog(req: { method: string; url: string }): { method: string; path: string } {
  return { method: req.method, path: req.url.split('?')[0] ?? '' };
}

/** A created logger that never writes personal data: bodies, cookies, auth headers, query strings and client addresses are left out. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'sanad' },
      serializers: { req: requestForLog },
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.body'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export interface Sanad {
  ctx: AppContext;
  app: ZodApp;
  routes: RegisteredRoute[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this already-open database (tests). */
  database?: Database;
  /** Use this keyring (tests). */
  keyring?: Keyring;
  logger?: Logger;
}

/** Opens the keys and the database (migrating it), checks they match, and builds the HTTP app. */
export async function createSanad(config: Config, options: StartOptions = {}): Promise<Sanad> {
  const logger = options.logger ?? createLogger(config);
  const keyring = options.keyring ?? (await loadKeyring(config.dataDir, config.masterKey, config.keyFile));
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir }));
  try {
    await verifyKeyringAgainstDatabase(database.pool, keyring);
    // Audit rows are sealed only with keys proven to open this database's data.
    useAuditKeys(database, keyring);
    // Search keys only the application can compute (the HMAC key is not in the database): persons
    // indexed by an older scheme are re-indexed before the first request can search for them.
    await reindexPersons(database.db, keyring, logger);
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  const ctx: AppContext = {
    config,
    database,
    keyring,
    logger,
    sessionPolicy: { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs },
  };
  const { app, routes } = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    routes,
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
