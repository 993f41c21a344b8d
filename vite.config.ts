import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { parse } from '@formatjs/icu-messageformat-parser';
import { tsImport } from 'tsx/esm/api';
import type { Locale } from './src/shared/locales';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// react-intl's own module for precompiled messages: the ICU parser without the parser (about 10 kB gzipped less).
const parserPackage = dirname(createRequire(import.meta.url).resolve('@formatjs/icu-messageformat-parser/package.json'));
const ICU_PARSER_WITHOUT_PARSER = join(parserPackage, 'lib/no-parser.js');

/**
 * Builds each locale's catalog chunk as ICU syntax trees instead of message strings, so the browser
 * neither downloads the ICU parser nor parses a message (react-intl formats the trees directly).
 * A message that does not parse stops the build. `vite dev` keeps the strings and the parser.
 */
function precompiledCatalogs(): Plugin {
  const catalogIndex = /\/src\/web\/i18n\/messages\/(ar|fr|en)\/index\.ts$/;
  let catalogs: Record<Locale, Record<string, string>>;
  return {
    name: 'sanad-precompiled-catalogs',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      // The catalogs as the tests see them (tsx runs their TypeScript here, in Node).
      ({ CATALOGS: catalogs } = (await tsImport('./src/web/i18n/messages/index.ts', import.meta.url)) as { CATALOGS: typeof catalogs });
    },
    load(id) {
      const locale = catalogIndex.exec(id)?.[1] as Locale | undefined;
      if (!locale) return null;
      const trees = Object.fromEntries(Object.entries(catalogs[locale]).map(([key, message]) => [key, parse(message)]));
      // JSON.parse of one string literal starts faster in the browser than the same object literal.
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(trees))});`;
    },
  };
}

/** The web UI lives in src/web; the server serves dist/web with an SPA fallback. */
export default defineConfig(({ command }) => ({
  root: 'src/web',
  plugins: [react(), precompiledCatalogs()],
  resolve: {
    alias: [
      { find: '@shared', replacement: fromRoot('./src/shared') },
      { find: '@web', replacement: fromRoot('./src/web') },
      // Only where every message arrives precompiled (see precompiledCatalogs).
      ...(command === 'build' ? [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: ICU_PARSER_WITHOUT_PARSER }] : []),
    ],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: the chunk graph `npm run bench:web` follows to weigh each page's first load.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
}));
