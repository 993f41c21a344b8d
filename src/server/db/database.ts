import { join } from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { migrate } from './migrate.js';

export type Db = NodePgDatabase<typeof schema>;
/** A drizzle handle inside a transaction (same API as Db). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The application's database: one node-postgres pool, whatever the server is. */
export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'postgres';
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), bigserial) as strings; keep that, callers
// convert explicitly. Dates stay Date objects.

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Start from this migrated tar dump (tests). */
  templateFile?: string;
  /** Apply pending migrations (the default). */
  migrate?: boolean;
  poolSize?: number;
}

/** Opens PostgreSQL at `databaseUrl`, or the embedded PGlite under `dataDir/pgdata` (in memory when neither). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let poolConfig: pg.PoolConfig;
  if (options.databaseUrl) {
    poolConfig = { connectionString: options.databaseUrl };
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: options.dataDir ? join(options.dataDir, 'pgdata') : undefined,
      templateFile: options.templateFile,
    });
    poolConfig = embedded.connection;
  }
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
  });
  pool.on('error', () => undefined); // an idle client dropping must not crash the process
  try {
    if (options.migrate !== false) await migrate(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    kind: embedded ? 'embedded' : 'postgres',
    embedded,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
