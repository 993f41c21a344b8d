import { verifyAuditChain } from '../src/server/audit/verify-chain.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo-accounts.js';
import { captureQueries, explain, pick } from './capture.js';
import { getWork, type BenchEnv } from './env.js';
import { heading, measure, ratio } from './measure.js';
import { clientFor, expectOk } from './support.js';

/** The integrity check over the whole trail (through the route and directly), and the auditor's list. */
export async function auditSuite(env: BenchEnv, eventCount: number): Promise<void> {
  const at = `@${eventCount / 1000}k events`;
  heading(`Audit trail ${at}`);
  const auditor = await env.client('auditor');
  const viaRoute = await measure(
    `audit chain verify, GET /api/audit/verify ${at}`,
    async () => {
      const result = (await expectOk(auditor.get('/api/audit/verify'), 'audit verify')).json() as { ok: boolean; checked: number; reason: string | null };
      if (!result.ok) throw new Error(`the generated audit chain does not verify: ${JSON.stringify(result)}`);
      return result.checked;
    },
    { warmup: 1, reps: 3, target: { ratePerSecondAbove: 20_000, unit: 'events' }, unitsPerRun: (checked) => checked },
  );
  const direct = await measure(
    `audit chain verify, verifyAuditChain() alone ${at}`,
    async () => (await verifyAuditChain(env.pool, { keyring: env.sanad.ctx.keyring })).checked,
    { warmup: 0, reps: 3, target: { ratePerSecondAbove: 20_000, unit: 'events' }, unitsPerRun: (checked) => checked },
  );
  ratio(viaRoute, 'route vs direct call', direct);
  await measure(`audit list, page 1 (with total count) ${at}`, getWork(auditor, '/api/audit'), { target: { p95BelowMs: 150 } });
  const { rows } = await env.pool.query<{ resource_id: string }>(`SELECT resource_id FROM audit_events WHERE resource_type = 'case' AND resource_id IS NOT NULL LIMIT 1`);
  const oneResource = `/api/audit?resourceId=${rows[0]!.resource_id}`;
  await measure(`audit list, one resource's events ${at}`, getWork(auditor, oneResource), { target: { p95BelowMs: 150 } });
  const seen = await captureQueries(env.pool, () => auditor.get(oneResource));
  await explain(env.pool, "audit list filtered by resource id (page)", pick(seen, /from "audit_events".*order by/is, 'the audit page'));
  await explain(env.pool, "audit list filtered by resource id (total)", pick(seen, /select count.*from "audit_events"/is, 'the audit count'));
}

let address = 0;
/** A different client address per login: the login route allows 60 a minute per address. */
const nextAddress = () => `10.9.${Math.floor(address / 250) % 250}.${(address++ % 250) + 1}`;

async function logInOnce(env: BenchEnv): Promise<void> {
  const response = await clientFor(env.sanad).request('POST', '/api/auth/login', { username: 'analyst', password: DEMO_PASSWORD }, nextAddress());
  if (response.statusCode !== 200) throw new Error(`login answered ${response.statusCode}: ${response.body}`);
}

/** Password sign-in (argon2id verify + session + audit), one at a time and eight at once. */
export async function loginSuite(env: BenchEnv): Promise<void> {
  heading('Sign-in (argon2id)');
  const single = await measure(
    'login, one at a time (latency)',
    async () => {
      await logInOnce(env);
      return 1;
    },
    { warmup: 2, reps: 10, target: { p95BelowMs: 250 } },
  );
  const parallel = 8;
  const batch = await measure(
    `login, ${parallel} concurrent (throughput)`,
    async () => {
      await Promise.all(Array.from({ length: parallel }, () => logInOnce(env)));
      return parallel;
    },
    { warmup: 1, reps: 4, target: { ratePerSecondAbove: 10, unit: 'logins' }, unitsPerRun: (n) => n },
  );
  ratio(batch, `${parallel} concurrent vs 1`, single);
}
