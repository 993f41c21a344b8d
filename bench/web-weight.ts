// `npm run bench:web`: the JavaScript a browser downloads on the first load of a page, gzipped,
// computed from the built files in dist/web (run `npm run build:web` first). It follows what the
// browser follows: the scripts and module preloads of index.html, then for each page the lazy
// chunks its route loads at once (and their static imports), read from Vite's manifest.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { heading, out } from './measure.js';

const DIST = 'dist/web';
const MANIFEST = join(DIST, '.vite', 'manifest.json');

/** One chunk of Vite's build manifest (keys and `src` are paths relative to src/web). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A page's first load: the lazy modules its route loads before it shows, beside its budget. */
interface PageLoad {
  name: string;
  /** Source modules (relative to src/web) whose chunks the route loads at once; the entry is always counted. */
  lazyModules: string[];
  targetKb: number;
}

// The locale catalog is loaded lazily too; the Arabic one is counted (the default locale and the largest).
const CATALOG = 'i18n/messages/ar/index.ts';

const PAGES: PageLoad[] = [
  { name: 'public report page (/report)', lazyModules: ['reports/public/PublicReportPage.tsx', CATALOG], targetKb: 100 },
  { name: 'signed-in app, home page (/)', lazyModules: ['SignedInApp.tsx', 'home/HomePage.tsx', CATALOG], targetKb: 250 },
];

/** The files index.html makes the browser fetch: its module scripts and module preloads. */
function htmlScripts(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) files.add(url);
  }
  return [...files];
}

/** A chunk's file and the files of everything it imports statically (what loading it fetches). */
function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in ${MANIFEST}: did the module move? Update bench/web-weight.ts.`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
}

/** The manifest key of the lazily loaded chunk built from `source`. */
function lazyChunkKey(manifest: Manifest, source: string): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.src === source && manifest[k]!.isDynamicEntry);
  if (!key) throw new Error(`${source} is not a lazily loaded chunk in ${MANIFEST}: did the module move or stop being lazy? Update bench/web-weight.ts.`);
  return key;
}

const gzippedSizes = new Map<string, number>();

async function gzippedSize(file: string): Promise<number> {
  let size = gzippedSizes.get(file);
  if (size === undefined) {
    size = gzipSync(await readFile(join(DIST, file)), { level: 9 }).length;
    gzippedSizes.set(file, size);
  }
  return size;
}

// Kilobytes of 1,000 bytes, as Vite prints them.
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/**
 * Prints each page's first-load JavaScript (gzipped) against its budget; returns whether all fit.
 * Without a build, fails when asked for alone (`bench:web`) and only says so within the whole bench.
 */
export async function webWeightSuite(options: { buildRequired: boolean }): Promise<boolean> {
  heading('Web app weight: JavaScript on first load, gzipped (level 9), from dist/web');
  let html: string;
  let manifest: Manifest;
  try {
    html = await readFile(join(DIST, 'index.html'), 'utf8');
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
  } catch {
    const missing = `no web build with a manifest in ${DIST}: run npm run build:web first`;
    if (options.buildRequired) throw new Error(missing);
    out(`  skipped: ${missing}\n`);
    return false;
  }
  const entryFiles = htmlScripts(html).filter((file) => file.endsWith('.js'));
  if (entryFiles.length === 0) throw new Error(`${DIST}/index.html loads no module script`);
  let allFit = true;
  for (const page of PAGES) {
    const files = new Set(entryFiles);
    for (const source of page.lazyModules) staticClosure(manifest, lazyChunkKey(manifest, source), files);
    const sizes = await Promise.all([...files].map(async (file) => ({ file, bytes: await gzippedSize(file) })));
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    const fits = total < page.targetKb * 1000;
    allFit &&= fits;
    out(`  ${fits ? 'PASS' : 'HEAVY'}  ${page.name.padEnd(34)} ${kb(total).padStart(7)} kB in ${String(files.size).padStart(2)} files  [target < ${page.targetKb} kB]\n`);
    for (const { file, bytes } of sizes.sort((a, b) => b.bytes - a.bytes)) out(`          ${kb(bytes).padStart(7)} kB  ${file}\n`);
  }
  return allFit;
}
