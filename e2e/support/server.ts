import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A real Sanad server process on a fresh database, seeded with the demo data. */
export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts `src/server/main.ts` exactly as `npm start` does (after the web build),
 * in demo mode, on the embedded database or a fresh PostgreSQL database when
 * DATABASE_URL is set.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sanad-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SANAD_DATA_DIR: dataDir, SANAD_DEMO: '1', PORT: String(port), LOG_LEVEL: 'warn' };
  const serverUrl = process.env['DATABASE_URL'];
  let database: string | undefined;
  if (serverUrl) {
    database = `sanad_e2e_${randomBytes(4).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${database}`));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env['DATABASE_URL'] = url.toString();
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { env, cwd: ROOT });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // A hang guard: a busy machine can take a minute or more to compile and start the server.
  const deadline = Date.now() + 180_000;
  while (!output.includes('Sanad is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
      if (serverUrl && database) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
