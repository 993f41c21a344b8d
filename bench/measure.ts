import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineKind } from './support.js';

/** What "fast enough" means for one benchmark: a p95 ceiling in ms, or a floor in units per second. */
export type Target = { p95BelowMs: number } | { ratePerSecondAbove: number; unit: string };

/** One benchmark's figures. */
export interface Result {
  name: string;
  medianMs: number;
  p95Ms: number;
  /** Rows (or items) the operation returned or processed, per run. */
  rows: number;
  reps: number;
  /** Units per second, for throughput benchmarks (events verified, logins). */
  ratePerSecond?: number;
  target: Target;
  pass: boolean;
  /** "name: value" of a ratio against a baseline, e.g. page 200 vs page 1. */
  ratio?: { label: string; value: number };
}

/** The work under measure: runs once and returns how many rows it returned or processed. */
export type Work = () => Promise<number>;

/** Options of one measurement: warm-up runs (not counted), counted runs, and how to read the rate. */
export interface MeasureOptions {
  warmup?: number;
  reps?: number;
  target: Target;
  /** Units per run for a throughput figure (e.g. events verified, logins in a batch). */
  unitsPerRun?: (rows: number) => number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const results: Result[] = [];

/** Runs `work` `warmup` times unmeasured, then `reps` times measured; prints and keeps the figures. */
export async function measure(name: string, work: Work, options: MeasureOptions): Promise<Result> {
  const { warmup = 3, reps = 20, target } = options;
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < reps; i += 1) {
    const started = process.hrtime.bigint();
    rows = await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const medianMs = percentile(samples, 50);
  const p95Ms = percentile(samples, 95);
  const ratePerSecond = options.unitsPerRun ? (options.unitsPerRun(rows) * 1000) / medianMs : undefined;
  const pass = 'p95BelowMs' in target ? p95Ms < target.p95BelowMs : (ratePerSecond ?? 0) > target.ratePerSecondAbove;
  const result: Result = { name, medianMs, p95Ms, rows, reps, target, pass, ...(ratePerSecond !== undefined ? { ratePerSecond } : {}) };
  results.push(result);
  printResult(result);
  return result;
}

/** Attaches "this vs baseline" (median over median) to a result and prints it. */
export function ratio(result: Result, label: string, baseline: Result): void {
  result.ratio = { label, value: result.medianMs / baseline.medianMs };
  out(`      ratio ${label}: ${result.ratio.value.toFixed(2)}x (median ${fmt(result.medianMs)} vs ${fmt(baseline.medianMs)} ms)\n`);
}

/**
 * For every result named "… @<larger>" with a twin named "… @<smaller>",
 * prints and attaches the ratio of their medians (near 1: does not degrade with size).
 */
export function scaleRatios(smaller: string, larger: string): void {
  heading(`Scale ratios, ${larger} vs ${smaller} (median over median; near 1 means no degradation with size)`);
  const bySmall = new Map(results.filter((r) => r.name.endsWith(`@${smaller}`)).map((r) => [r.name.slice(0, -smaller.length), r]));
  for (const r of results) {
    if (!r.name.endsWith(`@${larger}`)) continue;
    const twin = bySmall.get(r.name.slice(0, -larger.length));
    if (!twin) continue;
    r.ratio = { label: `${larger} vs ${smaller}`, value: r.medianMs / twin.medianMs };
    out(`  ${r.name.slice(0, -larger.length - 1).padEnd(52)} ${r.ratio.value.toFixed(2)}x  (${fmt(twin.medianMs)} -> ${fmt(r.medianMs)} ms)\n`);
  }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function targetText(target: Target): string {
  return 'p95BelowMs' in target ? `p95 < ${target.p95BelowMs} ms` : `> ${target.ratePerSecondAbove.toLocaleString('en')} ${target.unit}/s`;
}

function printResult(r: Result): void {
  const rate = r.ratePerSecond === undefined ? '' : `  ${Math.round(r.ratePerSecond).toLocaleString('en')}/s`;
  out(
    `  ${r.pass ? 'PASS' : 'SLOW'}  ${r.name.padEnd(52)} median ${fmt(r.medianMs).padStart(7)} ms  p95 ${fmt(r.p95Ms).padStart(7)} ms` +
      `  rows ${String(r.rows).padStart(6)}${rate}  [target ${targetText(r.target)}, n=${r.reps}]\n`,
  );
}

/** Writes to stdout (the lint forbids console). */
export function out(text: string): void {
  process.stdout.write(text);
}

/** A section heading in the printed report. */
export function heading(text: string): void {
  out(`\n== ${text}\n`);
}

const RESULTS_DIR = join(tmpdir(), 'sanad-bench');

/**
 * Prints the summary, saves this run's figures for the engine, and when the
 * other engine's figures from an earlier run exist, prints PGlite vs PostgreSQL.
 */
export async function summarise(kind: EngineKind): Promise<void> {
  const slow = results.filter((r) => !r.pass);
  heading(`Summary (${kind === 'embedded' ? 'PGlite' : 'PostgreSQL'}): ${results.length - slow.length} PASS, ${slow.length} SLOW`);
  for (const r of slow) out(`  SLOW  ${r.name}\n`);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, `last-${kind}.json`), JSON.stringify(results, null, 2));
  const other: EngineKind = kind === 'embedded' ? 'postgres' : 'embedded';
  let previous: Result[] | null = null;
  try {
    previous = JSON.parse(await readFile(join(RESULTS_DIR, `last-${other}.json`), 'utf8')) as Result[];
  } catch {
    previous = null;
  }
  if (!previous) {
    out(
      other === 'postgres'
        ? '\nTo compare with PostgreSQL, run: DATABASE_URL=postgres://user@host:port/postgres npm run bench\n'
        : '\nTo compare with the embedded PGlite, run: npm run bench (without DATABASE_URL)\n',
    );
    return;
  }
  heading('PGlite vs PostgreSQL (median, this run and the last run on the other engine)');
  const byName = new Map(previous.map((r) => [r.name, r]));
  for (const r of results) {
    const o = byName.get(r.name);
    if (!o) continue;
    const [pglite, postgres] = kind === 'embedded' ? [r, o] : [o, r];
    out(`  ${r.name.padEnd(52)} PGlite ${fmt(pglite.medianMs).padStart(7)} ms  PostgreSQL ${fmt(postgres.medianMs).padStart(7)} ms  ratio ${(pglite.medianMs / postgres.medianMs).toFixed(2)}x\n`);
  }
}
