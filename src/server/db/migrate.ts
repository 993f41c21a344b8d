import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import pg from 'pg';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
// Any constant works; it only has to be the same in every Sanad process.
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** The role the application's queries run as (created by migration 0009; owns nothing). */
export const APP_ROLE = 'sanad_app';

export interface MigrateOptions {
  /** Stop after the migration with this number, e.g. '0008' (upgrade tests start from an older schema). */
  through?: string;
}

const OWNER_NEEDED = `Migrations must run as the database owner, not as the application role ${APP_ROLE}: run "npx sanad migrate" with SANAD_MIGRATION_DATABASE_URL set to the owner's connection (docs/OPERATIONS.md, "Database roles").`;

/** Whether this connection acts as the application role (or one of its members), which may not migrate. */
async function actsAsApplicationRole(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ app: boolean }>(
    `SELECT NOT r.rolsuper AND EXISTS (SELECT FROM pg_roles a WHERE a.rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER') AS app
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APP_ROLE],
  );
  return rows[0]?.app === true;
}

/**
 * Migrations create, alter and own the tables, so they must run as the owner role, never as the
 * application's role (which may not, and must not be able to, change the schema).
 */
export async function assertOwnerRole(client: pg.ClientBase): Promise<void> {
  if (await actsAsApplicationRole(client)) throw new Error(OWNER_NEEDED);
}

/**
 * Applies the SQL migrations in `migrations/` in name order, each in its own
 * transaction, under an advisory lock so two starting processes cannot race.
 * One history serves PGlite and PostgreSQL alike. An edited migration that was
 * already applied is refused (its checksum changed).
 */
export async function migrate(target: pg.Pool | pg.ClientBase, options: MigrateOptions = {}): Promise<MigrationResult> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql') && (!options.through || f.slice(0, options.through.length) <= options.through)).sort();
  const client = target instanceof pg.Pool ? await target.connect() : target;
  try {
    // Logged in as the application role (the production set-up), Sanad starts on an up-to-date
    // database and only checks it; applying a migration takes the owner.
    const checkOnly = await actsAsApplicationRole(client);
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (!checkOnly) {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    } else if (!(await client.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`)).rows[0]?.present) {
      throw new Error(`The database has no schema yet. ${OWNER_NEEDED}`);
    }
    const done = new Map(
      (await client.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations')).rows.map((r) => [r.id, r.checksum]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const sql = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(file);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${file} was changed after it was applied. Add a new migration instead.`);
        continue;
      }
      if (checkOnly) throw new Error(`Migration ${file} is not applied yet. ${OWNER_NEEDED}`);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [file, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    if (target instanceof pg.Pool) (client as pg.PoolClient).release();
  }
}
