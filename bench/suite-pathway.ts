import { captureQueries, explain, pick } from './capture.js';
import { getWork, type BenchEnv } from './env.js';
import { heading, measure, ratio } from './measure.js';

const LIST_TARGET = { p95BelowMs: 150 };
const DETAIL_TARGET = { p95BelowMs: 100 };

/** The report work list: the hotline's national queue and a police unit's dispatched reports; one report read. */
export async function reportSuite(env: BenchEnv, reportCount: number): Promise<void> {
  const at = `@${reportCount / 1000}k reports`;
  heading(`Reports ${at}`);
  const hotline = await env.client('hotline');
  const responder = await env.client('responder');
  await measure(`report work list, hotline (national), open, page 1 ${at}`, getWork(hotline, '/api/reports?status=open'), { target: LIST_TARGET });
  const all = await measure(`report list, hotline, all statuses, page 1 ${at}`, getWork(hotline, '/api/reports'), { target: LIST_TARGET });
  const deep = await measure(`report list, hotline, all statuses, page 200 ${at}`, getWork(hotline, '/api/reports?page=200'), { target: LIST_TARGET });
  ratio(deep, 'page 200 vs page 1', all);
  await measure(`report list, first responder (dispatched to agency) ${at}`, getWork(responder, '/api/reports'), { target: LIST_TARGET });
  const { rows: ids } = await env.pool.query<{ id: string }>('SELECT id FROM reports ORDER BY received_at DESC LIMIT 50');
  await measure(`report detail, hotline (decrypt + audit write) ${at}`, getWork(hotline, (run) => `/api/reports/${ids[run % ids.length]!.id}`), { target: DETAIL_TARGET });
  const seen = await captureQueries(env.pool, () => hotline.get('/api/reports?status=open'));
  await explain(env.pool, 'report work list, hotline, open, page 1', pick(seen, /from "reports".*order by/is, 'the report work list'));
  const dispatched = await captureQueries(env.pool, () => responder.get('/api/reports'));
  await explain(env.pool, 'report list, first responder (agency or dispatched)', pick(dispatched, /from "reports".*order by/is, 'the dispatched report list'));
}

/** Provider matching (ranked in SQL) and the directory list, over the generated service points. */
export async function providerSuite(env: BenchEnv, providerCount: number): Promise<void> {
  const at = `@${providerCount} providers`;
  heading(`Service directory ${at}`);
  const manager = await env.client('casemanager');
  await measure(
    `provider matching, shelter / region / women / fr ${at}`,
    getWork(manager, '/api/providers/match?service=shelter&region=MA-06&targetGroup=women&language=fr'),
    { target: LIST_TARGET },
  );
  const { rows } = await env.pool.query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE c.case_manager_id = $1 AND c.region IS NOT NULL ORDER BY c.case_number LIMIT 20`,
    [env.refs.user['casemanager']],
  );
  await measure(
    `provider matching from a case (criteria read in scope) ${at}`,
    getWork(manager, (run) => `/api/providers/match?service=psychosocial&caseId=${rows[run % rows.length]!.id}`),
    { target: LIST_TARGET },
  );
  await measure(`provider directory, legal aid in region ${at}`, getWork(manager, '/api/providers?service=legal_aid&region=MA-01'), { target: LIST_TARGET });
}

/** The work lists and the referral list, if the routes exist in this build. */
export async function worklistSuite(env: BenchEnv, caseCount: number): Promise<void> {
  const at = `@${caseCount / 1000}k cases`;
  heading(`Work lists and referrals ${at}`);
  const has = (url: string) => env.sanad.routes.some((r) => r.url === url);
  const manager = await env.client('casemanager');
  const responder = await env.client('responder');
  if (has('/api/worklists/case-manager')) {
    await measure(`work list, case manager (assigned) ${at}`, getWork(manager, '/api/worklists/case-manager'), { target: LIST_TARGET });
    await measure(`work list, first responder (agency) ${at}`, getWork(responder, '/api/worklists/case-manager'), { target: LIST_TARGET });
    const seen = await captureQueries(env.pool, () => responder.get('/api/worklists/case-manager'));
    if (caseCount >= 10_000) await explain(env.pool, 'case work list, agency scope, page 1', pick(seen, /from "cases".*order by/is, 'the case work list'));
  }
  if (has('/api/worklists/shelter')) {
    const shelter = await env.client('shelter');
    await measure(`work list, shelter (incoming referrals, beds) ${at}`, getWork(shelter, '/api/worklists/shelter'), { target: LIST_TARGET });
  }
  if (has('/api/worklists/pathway-health')) {
    const coordinator = await env.client('coordinator');
    await measure(`pathway health, national counts ${at}`, getWork(coordinator, '/api/worklists/pathway-health'), { target: LIST_TARGET });
  }
  if (has('/api/referrals')) {
    await measure(`referral list, case manager (both directions) ${at}`, getWork(manager, '/api/referrals'), { target: LIST_TARGET });
    const seen = await captureQueries(env.pool, () => manager.get('/api/referrals'));
    if (caseCount >= 10_000) await explain(env.pool, 'referral list, case manager, page 1', pick(seen, /from "referrals".*order by/is, 'the referral list'));
    const shelter = await env.client('shelter');
    await measure(`referral list, shelter (incoming) ${at}`, getWork(shelter, '/api/referrals?direction=incoming'), { target: LIST_TARGET });
  }
}
