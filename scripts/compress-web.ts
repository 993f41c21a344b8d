// After `vite build`: writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of dist/web, so the
// server sends compressed files without compressing on each request (@fastify/static `preCompressed`). A phone on
// a slow connection downloads a third of the bytes; the server spends no CPU per request on it.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = new URL('../dist/web/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|woff)$/;
const MIN_BYTES = 1024; // below this the headers cost more than the saving

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for await (const path of files(ROOT)) {
  if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue;
  const body = await readFile(path);
  await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
  count += 1;
}
process.stdout.write(`compress-web: ${count} files pre-compressed (br, gz) in dist/web\n`);
