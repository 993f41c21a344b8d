import { Worker } from 'node:worker_threads';
import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { PoolConfig } from 'pg';

/** A running embedded PostgreSQL (PGlite) reachable through node-postgres. */
export interface EmbeddedDatabase {
  connection: PoolConfig;
  /** Writes the whole data directory as a tar file (used for test templates). */
  dumpTo(path: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Persistent data directory; omit for an in-memory database. */
  dataDir?: string;
  /** A tar dump to start from (a migrated template). */
  templateFile?: string;
}

// node-postgres finds a Unix socket as `<host dir>/.s.PGSQL.<port>`.
const SOCKET_PORT = 5432;

/** Starts PGlite in a worker thread behind a Unix socket in a private (0700) directory. */
export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const releaseLock = options.dataDir ? await lockDataDir(options.dataDir) : async () => {};
  const socketDir = await mkdtemp(join(tmpdir(), 'sanad-pg-')); // mkdtemp creates it with mode 0700
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: {
      dataDir: options.dataDir,
      templateFile: options.templateFile,
      socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
      maxConnections: 20,
    },
    execArgv: [],
  });
  try {
    await waitFor(worker, 'ready');
  } catch (error) {
    await releaseLock();
    await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', password: 'unused' },
    async dumpTo(path) {
      worker.postMessage({ type: 'dump', path });
      await waitFor(worker, 'dumped');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage({ type: 'stop' });
      await waitFor(worker, 'stopped').catch(() => undefined);
      await worker.terminate();
      await rm(socketDir, { recursive: true, force: true });
      await releaseLock();
    },
  };
}

async function waitFor(worker: Worker, type: string): Promise<void> {
  const failed = once(worker, 'error').then(([error]) => {
    throw error instanceof Error ? error : new Error(String(error));
  });
  const answered = new Promise<void>((resolve, reject) => {
    const listener = (message: { type: string; message?: string }) => {
      if (message.type === type) {
        worker.off('message', listener);
        resolve();
      } else if (message.type === 'error') {
        worker.off('message', listener);
        reject(new Error(message.message));
      }
    };
    worker.on('message', listener);
  });
  await Promise.race([answered, failed]);
}

/**
 * PGlite lets two processes open one directory and corrupt it; a lock file with
 * our pid prevents that. A lock left by a dead process is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = join(dataDir, '.sanad.lock');
  const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The database in ${dataDir} is in use by process ${holder}. Stop it first (or remove ${lockFile} if that process is not Sanad).`);
  }
  await writeFile(lockFile, String(process.pid), { mode: 0o600 });
  return async () => {
    await rm(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
