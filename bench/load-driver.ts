import http from 'node:http';

/** One request of a scenario; `i` counts requests so scenarios can rotate ids or mix kinds. */
export type Requester = (i: number) => { method: 'GET' | 'POST'; path: string; body?: unknown };

/** A session made for the benchmark: its cookie token and CSRF token. */
export interface BenchSession {
  token: string;
  csrfToken: string;
}

/** What one scenario measured. Latencies in milliseconds. */
export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  firstError: string | null;
  rps: number;
  p50: number;
  p99: number;
}

interface DriverOptions {
  port: number;
  sessions: BenchSession[];
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sends one request over `agent`; resolves with the status (network errors become status 0). */
function send(agent: http.Agent, port: number, session: BenchSession, request: ReturnType<Requester>): Promise<number> {
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: request.method,
        path: request.path,
        headers: {
          cookie: `sanad_session=${session.token}`,
          ...(request.method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

function summarise(name: string, latencies: number[], errors: number, firstError: string | null, elapsedMs: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { name, requests: latencies.length, errors, firstError, rps: (latencies.length * 1000) / elapsedMs, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * Closed loop: one worker per session, each on its own keep-alive connection, sending its next request as
 * soon as the last is answered. A short warm-up (not counted) fills caches and the connection pools first.
 */
export async function runClosedLoop(name: string, next: Requester, options: DriverOptions): Promise<LoadResult> {
  const agents = options.sessions.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  let counter = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const phase = async (ms: number, record: boolean) => {
    const until = performance.now() + ms;
    await Promise.all(
      options.sessions.map(async (session, w) => {
        while (performance.now() < until) {
          const request = next(counter++);
          const t0 = performance.now();
          const status = await send(agents[w]!, options.port, session, request);
          if (!record) continue;
          latencies.push(performance.now() - t0);
          if (status < 200 || status > 299) {
            errors += 1;
            firstError ??= `${status} on ${request.method} ${request.path}`;
          }
        }
      }),
    );
  };
  await phase(Math.min(2000, options.seconds * 200), false);
  const started = performance.now();
  await phase(options.seconds * 1000, true);
  const elapsed = performance.now() - started;
  agents.forEach((a) => a.destroy());
  return summarise(name, latencies, errors, firstError, elapsed);
}

/**
 * Open loop: requests leave on a fixed schedule (`rate` per second) whether or not earlier ones were
 * answered, so a slow server shows as latency instead of silently lowering the load. Latency is measured
 * from each request's scheduled time, which counts the time it waited to be sent.
 */
export async function runOpenLoop(name: string, next: Requester, options: DriverOptions & { rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sessions.length });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = next(i);
    inFlight.push(
      send(agent, options.port, options.sessions[i % options.sessions.length]!, request).then((status) => {
        latencies.push(performance.now() - scheduled);
        if (status < 200 || status > 299) {
          errors += 1;
          firstError ??= `${status} on ${request.method} ${request.path}`;
        }
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = performance.now() - started;
  agent.destroy();
  return summarise(name, latencies, errors, firstError, elapsed);
}
