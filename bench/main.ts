// Sanad performance benchmarks: `npm run bench` (all) or `npm run bench:<suite>`.
// Figures are printed beside their targets; the run fails only if a query errors.
import { analyze, benchEnv, since, type BenchEnv } from './env.js';
import { heading, out, scaleRatios, summarise } from './measure.js';
import { seedAuditTrail } from './seed-audit.js';
import { seedCases } from './seed-cases.js';
import { seedProviders, seedReports } from './seed-directory.js';
import { loadRefs } from './seed-refs.js';
import { auditSuite, loginSuite } from './suite-audit.js';
import { caseSuite, explainCaseList } from './suite-cases.js';
import { providerSuite, reportSuite, worklistSuite } from './suite-pathway.js';
import { startBenchSanad } from './support.js';
import { webWeightSuite } from './web-weight.js';

const SUITES = ['cases', 'reports', 'providers', 'worklists', 'audit', 'login', 'web'] as const;
type SuiteName = (typeof SUITES)[number];
// Suites that measure the running server against a seeded database (`web` reads the built files only).
const DATABASE_SUITES: readonly SuiteName[] = ['cases', 'reports', 'providers', 'worklists', 'audit', 'login'];

// BENCH_SCALE=0.1 runs everything at a tenth of the volume (a quick check while editing).
const scale = Number(process.env['BENCH_SCALE'] ?? '1');
const count = (n: number) => Math.max(100, Math.round(n * scale));
const SMALL_CASES = count(2_000);
const CASES = count(20_000);
const REPORTS = count(50_000);
const AUDIT_EVENTS = count(200_000);
const PROVIDERS = 1_000;

function wantedSuites(): Set<SuiteName> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(SUITES as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
  return new Set((asked.length ? asked : SUITES) as SuiteName[]);
}

async function step(what: string, work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await work();
  out(`  setup: ${what} (${since(started)})\n`);
}

async function run(env: BenchEnv, wanted: Set<SuiteName>): Promise<void> {
  const { pool, sanad, refs } = env;
  const keyring = sanad.ctx.keyring;
  const scaled = wanted.has('cases') || wanted.has('worklists');
  if (scaled || wanted.has('providers')) {
    heading('Generating data (set-based INSERT … SELECT FROM generate_series)');
    await step(`${PROVIDERS} service providers`, () => seedProviders(pool, refs, PROVIDERS));
    // The case-sized suites run at two scales: their ratio shows how they grow with the data.
    const sizes = scaled ? [SMALL_CASES, CASES] : [CASES];
    let seeded = 0;
    for (const size of sizes) {
      heading('Generating data');
      await step(`${size - seeded} cases (to ${size}) with persons, index keys, events, consents, follow-ups, referrals`, () =>
        seedCases(pool, keyring, refs, seeded, size, PROVIDERS),
      );
      seeded = size;
      await step('ANALYZE', () => analyze(pool));
      if (wanted.has('cases')) await caseSuite(env, size);
      if (wanted.has('worklists')) await worklistSuite(env, size);
    }
    if (scaled) scaleRatios(`${SMALL_CASES / 1000}k cases`, `${CASES / 1000}k cases`);
    if (wanted.has('cases')) await explainCaseList(env);
  }
  if (wanted.has('providers')) await providerSuite(env, PROVIDERS);
  if (wanted.has('reports')) {
    heading('Generating data');
    await step(`${REPORTS} reports with dispatches`, () => seedReports(pool, keyring, refs, REPORTS));
    await step('ANALYZE', () => analyze(pool));
    await reportSuite(env, REPORTS);
  }
  if (wanted.has('audit')) {
    heading('Generating data');
    await step(`audit trail to ${AUDIT_EVENTS} hash-chained events`, () => seedAuditTrail(pool, keyring, refs, AUDIT_EVENTS));
    await step('ANALYZE', () => analyze(pool));
    await auditSuite(env, AUDIT_EVENTS);
  }
  if (wanted.has('login')) await loginSuite(env);
}

async function main(): Promise<void> {
  const wanted = wantedSuites();
  const started = Date.now();
  if (wanted.has('web')) await webWeightSuite({ buildRequired: wanted.size === 1 });
  if (!DATABASE_SUITES.some((suite) => wanted.has(suite))) {
    out(`\nTotal time ${since(started)}\n`);
    return;
  }
  const sanad = await startBenchSanad();
  const engine = sanad.kind === 'embedded' ? 'embedded PGlite (temporary data directory)' : 'PostgreSQL (throwaway database)';
  out(`\nSanad benchmarks on ${engine}; suites: ${[...wanted].filter((s) => s !== 'web').join(', ')}; scale ${scale}\n`);
  try {
    const env = benchEnv(sanad, await loadRefs(sanad.ctx.database.pool));
    await run(env, wanted);
    await summarise(sanad.kind);
  } finally {
    await sanad.close();
  }
  out(`\nTotal time ${since(started)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
