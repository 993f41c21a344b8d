import { captureQueries, explain, pick } from './capture.js';
import { getWork, type BenchEnv } from './env.js';
import { heading, measure, ratio } from './measure.js';
import { sampleSearchName } from './seed-cases.js';

// Targets on the 2-core reference machine, embedded PGlite (see docs/PERFORMANCE.md).
const LIST_TARGET = { p95BelowMs: 150 };
const DETAIL_TARGET = { p95BelowMs: 100 };

/**
 * Case list (agency and assigned scope), exact name search and case detail at
 * the current number of cases; with enough cases also page 200 (ratio against page 1).
 * The same names at two scales give the scale ratios (see scaleRatios).
 */
export async function caseSuite(env: BenchEnv, caseCount: number): Promise<void> {
  const at = `@${caseCount / 1000}k cases`;
  heading(`Cases ${at}`);
  const responder = await env.client('responder');
  const manager = await env.client('casemanager');
  const { rows: ids } = await env.pool.query<{ id: string }>('SELECT id FROM cases WHERE owner_agency_id = $1 ORDER BY case_number LIMIT 50', [env.refs.agency['police']]);
  // The floor every signed-in request pays (session lookup, access checks, serialisation).
  const floor = await measure(`request floor, GET /api/me ${at}`, getWork(responder, '/api/me'), { target: { p95BelowMs: 50 } });
  const responderPage1 = await measure(`case list, first responder (agency), page 1 ${at}`, getWork(responder, '/api/cases?page=1'), { target: LIST_TARGET });
  ratio(responderPage1, 'vs request floor', floor);
  const managerPage1 = await measure(`case list, case manager (assigned), page 1 ${at}`, getWork(manager, '/api/cases?page=1'), { target: LIST_TARGET });
  await measure(`case search, exact name (blind index) ${at}`, getWork(responder, `/api/cases?q=${encodeURIComponent(sampleSearchName())}`), { target: LIST_TARGET });
  const detail = await measure(`case detail (decrypt + audit write) ${at}`, getWork(responder, (run) => `/api/cases/${ids[run % ids.length]!.id}`), {
    target: DETAIL_TARGET,
  });
  ratio(detail, 'vs request floor', floor);
  if (caseCount < 10_000) return;
  const deep = await measure(`case list, first responder (agency), page 200 ${at}`, getWork(responder, '/api/cases?page=200'), { target: LIST_TARGET });
  ratio(deep, 'page 200 vs page 1', responderPage1);
  const deepManager = await measure(`case list, case manager (assigned), page 200 ${at}`, getWork(manager, '/api/cases?page=200'), { target: LIST_TARGET });
  ratio(deepManager, 'page 200 vs page 1', managerPage1);
}

/** Prints the plans of the case list's page query for both scopes (index use, rows, buffers). */
export async function explainCaseList(env: BenchEnv): Promise<void> {
  heading('Query plans of the case list (page query as the route sends it)');
  for (const [username, scope] of [['responder', 'agency'], ['casemanager', 'assigned']] as const) {
    const client = await env.client(username);
    for (const page of [1, 200]) {
      const seen = await captureQueries(env.pool, () => client.get(`/api/cases?page=${page}`));
      await explain(env.pool, `case list, ${scope} scope, page ${page}`, pick(seen, /from "cases".*order by/is, 'the case list page'));
    }
  }
  const client = await env.client('responder');
  const seen = await captureQueries(env.pool, () => client.get(`/api/cases?q=${encodeURIComponent(sampleSearchName())}`));
  await explain(env.pool, 'case search by exact name (blind index)', pick(seen, /person_index_keys.*order by/is, 'the case search'));
}
