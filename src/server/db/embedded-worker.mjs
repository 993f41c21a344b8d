// Runs PGlite (PostgreSQL compiled to WebAssembly) in a worker thread and serves
// it over a Unix socket, so the application talks the ordinary PostgreSQL wire
// protocol through node-postgres and the main event loop never blocks on a query.
// Plain JavaScript on purpose: it must start without a TypeScript loader, both
// under `npm start` and inside the test runner.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir?: string, socketPath: string, templateFile?: string, maxConnections: number }} */
const options = workerData;

async function open() {
  const loadDataDir = options.templateFile ? new Blob([await readFile(options.templateFile)]) : undefined;
  // Extensions must be passed on every open, or any query touching them fails.
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir,
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
  });
  const server = new PGLiteSocketServer({ db, path: options.socketPath, maxConnections: options.maxConnections });
  await server.start();
  return { db, server };
}

const { db, server } = await open();
parentPort?.postMessage({ type: 'ready' });

parentPort?.on('message', async (message) => {
  try {
    if (message.type === 'dump') {
      const file = await db.dumpDataDir('none');
      await writeFile(message.path, Buffer.from(await file.arrayBuffer()));
      parentPort?.postMessage({ type: 'dumped' });
    } else if (message.type === 'stop') {
      await server.stop();
      await db.close();
      parentPort?.postMessage({ type: 'stopped' });
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: String(error) });
  }
});
