import type pg from 'pg';
import { expectOk, type BenchClient, type BenchSanad } from './support.js';
import type { Work } from './measure.js';
import type { ScaleRefs } from './seed-refs.js';

/** What every suite works with: the running app, the demo ids and signed-in clients. */
export interface BenchEnv {
  sanad: BenchSanad;
  pool: pg.Pool;
  refs: ScaleRefs;
  /** The signed-in client of a demo user (signed in once, then reused). */
  client(username: string): Promise<BenchClient>;
}

/** Builds the environment; each demo user signs in at most once (a TOTP step is single-use). */
export function benchEnv(sanad: BenchSanad, refs: ScaleRefs): BenchEnv {
  const clients = new Map<string, Promise<BenchClient>>();
  return {
    sanad,
    pool: sanad.ctx.database.pool,
    refs,
    client(username) {
      let client = clients.get(username);
      if (!client) {
        client = sanad.signIn(username);
        clients.set(username, client);
      }
      return client;
    },
  };
}

/** Work that GETs `url` (a fresh url per run when given a function) and counts the items answered. */
export function getWork(client: BenchClient, url: string | ((run: number) => string)): Work {
  let run = 0;
  return async () => {
    const target = typeof url === 'string' ? url : url(run++);
    const body = (await expectOk(client.get(target), `GET ${target}`)).json() as { items?: unknown[]; incoming?: unknown[] };
    return body.items?.length ?? body.incoming?.length ?? 1;
  };
}

/** Refreshes the planner's statistics, as autovacuum would after a bulk load (PGlite runs no autovacuum). */
export async function analyze(pool: pg.Pool): Promise<void> {
  // The application role owns no table: the owner's function runs ANALYZE for it (migration 0009).
  await pool.query('SELECT refresh_planner_statistics()');
}

/** Milliseconds since `started`, for the setup log. */
export function since(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
