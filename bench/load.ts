// `npm run bench:load`: one Sanad server on a loopback port, many authenticated clients over real HTTP.
// Closed loop (50 connections as fast as answers come) for the request floor, the case detail, the case
// list and a mixed read/write workload; then an open loop at a fixed offered rate for the case detail and
// the case list. Prints requests per second, p50, p99 and each route's throughput as a ratio of the floor's
// in the same run. Environment: LOAD_SECONDS (per scenario, default 10), LOAD_CONNECTIONS (50),
// LOAD_RATE (100 requests per second), LOAD_CASES (2000 seeded cases), DATABASE_URL for PostgreSQL.
import type { AddressInfo } from 'node:net';
import { analyze, benchEnv, since } from './env.js';
import { runClosedLoop, runOpenLoop, type LoadResult, type Requester } from './load-driver.js';
import { seedCases } from './seed-cases.js';
import { seedProviders } from './seed-directory.js';
import { loadRefs } from './seed-refs.js';
import { startBenchSanad } from './support.js';
import { createSession } from '../src/server/auth/sessions.js';

const SECONDS = Number(process.env['LOAD_SECONDS'] ?? '10');
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? '50');
const RATE = Number(process.env['LOAD_RATE'] ?? '100');
const CASES = Number(process.env['LOAD_CASES'] ?? '2000');
// Targets of the pipeline issue, on PostgreSQL; PGlite runs one query at a time and is reported against them too.
const DETAIL_RATIO_TARGET = 0.5;
const P99_TARGET_MS = 50;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

/** One scenario's line; `floor` null for the floor itself, 'none' for open-loop runs (their rate is the offered one). */
function printRow(result: LoadResult, floor: LoadResult | null | 'none'): void {
  const ratio = floor === 'none' ? '' : floor ? `${(result.rps / floor.rps).toFixed(2)}× floor` : 'floor';
  const errors = result.errors ? `  ERRORS ${result.errors} (${result.firstError})` : '';
  out(`${result.name.padEnd(34)} ${fmt(result.rps)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms  ${ratio.padStart(12)}${errors}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const sanad = await startBenchSanad();
  const engine = sanad.kind === 'embedded' ? 'embedded PGlite' : 'PostgreSQL';
  try {
    const pool = sanad.ctx.database.pool;
    const refs = await loadRefs(pool);
    await seedProviders(pool, refs, 200);
    await seedCases(pool, sanad.ctx.keyring, refs, 0, CASES, 200);
    await analyze(pool);
    // The responder signs in once through the real login (password and TOTP); the other connections get
    // sessions of their own, made the way login makes them, so no two connections share a session row.
    await benchEnv(sanad, refs).client('responder');
    const { rows: who } = await pool.query<{ id: string }>("SELECT id FROM users WHERE username = 'responder'");
    const policy = sanad.ctx.sessionPolicy;
    const sessions = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => createSession(sanad.ctx.database.db, who[0]!.id, true, policy, { ip: '127.0.0.1', userAgent: 'bench-load' })),
    );
    const { rows: ids } = await pool.query<{ id: string }>('SELECT id FROM cases WHERE owner_agency_id = $1 ORDER BY case_number LIMIT 200', [refs.agency['police']]);
    if (ids.length === 0) throw new Error('no police cases seeded');

    await sanad.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sanad.app.server.address() as AddressInfo;
    out(`bench:load on ${engine}: ${CASES} cases, ${CONNECTIONS} connections, ${SECONDS} s per scenario, open loop at ${RATE} req/s (setup ${since(started)})\n`);

    let n = 0;
    const caseId = () => ids[n++ % ids.length]!.id;
    const floorReq: Requester = () => ({ method: 'GET', path: '/api/me' });
    const detailReq: Requester = () => ({ method: 'GET', path: `/api/cases/${caseId()}` });
    const listReq: Requester = () => ({ method: 'GET', path: '/api/cases?page=1' });
    // Mixed: what a busy office does, 4 reads to 1 write (a note added to a case, audited in its transaction).
    const mixedReq: Requester = (i) => {
      const pick = i % 5;
      if (pick === 0) return { method: 'POST', path: `/api/cases/${caseId()}/notes`, body: { body: `Follow-up call ${i}: the person is safe.` } };
      if (pick === 1) return listReq(i);
      if (pick === 2) return floorReq(i);
      return detailReq(i);
    };
    const options = { port, sessions, seconds: SECONDS };

    out('Closed loop (each connection sends its next request when the last is answered)');
    const floor = await runClosedLoop('request floor GET /api/me', floorReq, options);
    printRow(floor, null);
    const detail = await runClosedLoop('case detail (+ audit row)', detailReq, options);
    printRow(detail, floor);
    const list = await runClosedLoop('case list page 1 (+ audit row)', listReq, options);
    printRow(list, floor);
    const mixed = await runClosedLoop('mixed 4 reads : 1 note write', mixedReq, options);
    printRow(mixed, floor);

    out(`\nOpen loop at ${RATE} req/s offered`);
    const detailOpen = await runOpenLoop(`case detail @ ${RATE}/s`, detailReq, { ...options, rate: RATE });
    printRow(detailOpen, 'none');
    const listOpen = await runOpenLoop(`case list @ ${RATE}/s`, listReq, { ...options, rate: RATE });
    printRow(listOpen, 'none');

    const detailRatio = detail.rps / floor.rps;
    out('\nTargets (pipeline issue, PostgreSQL)');
    out(`  case detail throughput ≥ ${DETAIL_RATIO_TARGET}× floor at ${CONNECTIONS} connections: ${detailRatio.toFixed(2)}× ${detailRatio >= DETAIL_RATIO_TARGET ? 'PASS' : 'MISS'}`);
    for (const r of [detailOpen, listOpen]) out(`  ${r.name} p99 < ${P99_TARGET_MS} ms: ${r.p99.toFixed(1)} ms ${r.p99 < P99_TARGET_MS ? 'PASS' : 'MISS'}`);
    if (sanad.kind === 'embedded') {
      out('  (PGlite is one Postgres backend in a worker thread: every query of every request waits its turn on one connection,');
      out('   so throughput is bounded by total query time per request, not by concurrency.)');
    }
    const failures = [floor, detail, list, mixed, detailOpen, listOpen].filter((r) => r.errors > 0);
    if (failures.length) throw new Error(`${failures.length} scenario(s) had failed requests`);
  } finally {
    await sanad.close();
  }
  out(`\nTotal time ${since(started)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nLoad benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
