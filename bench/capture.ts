import type pg from 'pg';
import { out } from './measure.js';

/** One SQL statement as the app sent it. */
export interface Statement {
  text: string;
  values: unknown[];
}

type Query = (config: unknown, ...rest: unknown[]) => unknown;
const PATCHED = Symbol('bench-capture');
let capturing: Statement[] | null = null;

function statementOf(config: unknown, values: unknown): Statement | null {
  if (typeof config === 'string') return { text: config, values: Array.isArray(values) ? values : [] };
  if (config && typeof config === 'object' && 'text' in config) {
    const c = config as { text: string; values?: unknown[] };
    return { text: c.text, values: Array.isArray(values) ? values : (c.values ?? []) };
  }
  return null;
}

/**
 * Records the statements the app sends on the pool's connections while
 * `work` runs, so the plan printed is the plan of the real route's query (not
 * a copy of it that could drift from the code).
 */
export async function captureQueries(pool: pg.Pool, work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const patch = (client: pg.PoolClient) => {
    const target = client as unknown as { query: Query; [PATCHED]?: boolean };
    if (target[PATCHED]) return;
    const original = target.query.bind(client) as Query;
    // pool.query() passes a callback as a third argument: hand every argument on.
    target.query = (config, ...rest) => {
      const statement = capturing ? statementOf(config, rest[0]) : null;
      if (statement) capturing!.push(statement);
      return original(config, ...rest);
    };
    target[PATCHED] = true;
  };
  pool.on('acquire', patch);
  capturing = seen;
  try {
    await work();
  } finally {
    capturing = null;
    pool.off('acquire', patch);
  }
  return seen;
}

/** Runs EXPLAIN (ANALYZE, BUFFERS) on a captured statement and prints the plan, indented. */
export async function explain(pool: pg.Pool, title: string, statement: Statement): Promise<void> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  out(`\n  -- EXPLAIN (ANALYZE, BUFFERS): ${title}\n`);
  out(`  -- ${statement.text.replace(/\s+/g, ' ').slice(0, 400)}${statement.text.length > 400 ? ' …' : ''}\n`);
  for (const row of rows) out(`  ${row['QUERY PLAN']}\n`);
}

/** The first captured statement whose text matches, or throws (the route changed shape). */
export function pick(statements: Statement[], pattern: RegExp, what: string): Statement {
  const found = statements.find((s) => pattern.test(s.text));
  if (!found) throw new Error(`no captured statement for ${what}; saw:\n${statements.map((s) => s.text.slice(0, 120)).join('\n')}`);
  return found;
}
