import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';
import type { SessionPolicy } from '../auth/sessions.js';

/** What every route needs from the running system, built once at start. */
export interface AppContext {
  config: Config;
  database: Database;
  keyring: Keyring;
  sessionPolicy: SessionPolicy;
  logger: Logger;
}
