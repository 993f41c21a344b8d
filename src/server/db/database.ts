import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { APP_ROLE, assertOwnerRole, migrate, type MigrationResult } from './migrate.js';

export type Db = NodePgDatabase<typeof schema>;
/** A drizzle handle inside a transaction (same API as Db). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Runs one step in its own transaction (a route in steps hands its body this, never the pool). */
export type RunInTransaction = <T>(step: (tx: Tx) => Promise<T>) => Promise<T>;

/** The application's database: one node-postgres pool, whatever the server is. */
export interface Database {
  db: Db;
  /** Every connection of this pool acts as the application role (`sanad_app`), which owns nothing. */
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  embedded?: EmbeddedDatabase;
  /** A random id of this open database, set on each of its connections (how an audit append finds its keys). */
  instanceId: string;
  /** What opening it migrated (absent when opened with `migrate: false`). */
  migrations?: MigrationResult;
  /** Runs `work` on one connection as the owner role (migrations, maintenance, tests that play a superuser). */
  asOwner<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), bigserial) as strings; keep that, callers
// convert explicitly. Dates stay Date objects.

export interface OpenOptions {
  databaseUrl?: string;
  /** The owner role's connection, for migrations (defaults to databaseUrl). */
  migrationDatabaseUrl?: string;
  dataDir?: string;
  /** Start from this migrated tar dump (tests). */
  templateFile?: string;
  /** Apply pending migrations (the default). */
  migrate?: boolean;
  /**
   * Whether the pool takes the application role (the default). Read-only tools run by someone
   * else (an external auditor's own role) keep the role they logged in with.
   */
  applicationRole?: boolean;
  poolSize?: number;
}

async function withClient<T>(config: pg.ClientConfig, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Marks the connection with this open database's id, where audit appends look up the keys.
async function markInstance(client: pg.ClientBase, instanceId: string): Promise<void> {
  await client.query(`SELECT set_config('sanad.instance', $1, false)`, [instanceId]);
}

/**
 * Each new pooled connection takes the application role, unless it logged in as that role already
 * (the production set-up, docs/OPERATIONS.md). Logged in as an owner or a superuser (development,
 * tests, the embedded database), SET ROLE still keeps the application's own queries from altering,
 * truncating or disabling anything, though a session that may RESET ROLE is no boundary against
 * arbitrary SQL: for that, log in as `sanad_app`.
 */
async function enterApplicationRole(client: pg.ClientBase, instanceId: string): Promise<void> {
  const { rows } = await client.query<{ role: string }>(`SELECT current_user AS role, set_config('sanad.instance', $1, false)`, [instanceId]);
  if (rows[0]?.role === APP_ROLE) return;
  try {
    await client.query(`SET ROLE ${APP_ROLE}`);
  } catch (error) {
    throw new Error(
      `Cannot act as the application role ${APP_ROLE} (${(error as Error).message}). Apply the migrations as the owner role (npx sanad migrate), and connect as ${APP_ROLE} or one of its members.`,
    );
  }
}

/** Opens PostgreSQL at `databaseUrl`, or the embedded PGlite under `dataDir/pgdata` (in memory when neither). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let poolConfig: pg.PoolConfig;
  let ownerConfig: pg.ClientConfig;
  if (options.databaseUrl) {
    poolConfig = { connectionString: options.databaseUrl };
    ownerConfig = { connectionString: options.migrationDatabaseUrl ?? options.databaseUrl };
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: options.dataDir ? join(options.dataDir, 'pgdata') : undefined,
      templateFile: options.templateFile,
    });
    poolConfig = embedded.connection;
    ownerConfig = embedded.connection;
  }
  let migrations: MigrationResult | undefined;
  try {
    if (options.migrate !== false) migrations = await withClient(ownerConfig, (client) => migrate(client));
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const instanceId = randomBytes(8).toString('hex');
  // PGlite is one PostgreSQL session. Its socket multiplexer keeps transactions
  // apart but interleaves the extended-protocol messages (Parse/Bind/Execute) of
  // concurrent clients outside transactions, which mixes up their statements.
  // One connection serialises everything, which costs nothing on a
  // single-threaded engine. A query that waits for the pool inside a
  // transaction (using `db` instead of `tx`) would deadlock: it fails after 30 s.
  const max = embedded ? 1 : (options.poolSize ?? 10);
  const pool = new pg.Pool({
    ...poolConfig,
    max,
    idleTimeoutMillis: 30_000,
    ...(embedded ? { connectionTimeoutMillis: 30_000 } : {}),
    onConnect: (client) => (options.applicationRole === false ? markInstance(client, instanceId) : enterApplicationRole(client, instanceId)),
  });
  pool.on('error', () => undefined); // an idle client dropping must not crash the process
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    kind: embedded ? 'embedded' : 'postgres',
    embedded,
    instanceId,
    migrations,
    asOwner: embedded ? (work) => asOwnerOfEmbedded(pool, work) : (work) => withClient(ownerConfig, async (client) => {
      await assertOwnerRole(client);
      return work(client);
    }),
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * PGlite has a single session shared by every connection: its one pooled connection steps out of
 * the application role for `work` and back into it, while no application query can run.
 */
async function asOwnerOfEmbedded<T>(pool: pg.Pool, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  await client.query('RESET ROLE');
  try {
    return await work(client);
  } finally {
    try {
      await client.query(`SET ROLE ${APP_ROLE}`);
      client.release();
    } catch (error) {
      // The next connection takes the role again (enterApplicationRole).
      client.release(error as Error);
    }
  }
}
