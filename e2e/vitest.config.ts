import { defineConfig } from 'vitest/config';

// Browser tests: the real server (a child process on its own database) driven
// through Debian's Chromium. One file at a time: each boots a server and a browser.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/require-chromium.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // Hang guards, not budgets: on a 2-core machine shared with other work a whole journey can take minutes.
    testTimeout: 360_000,
    hookTimeout: 240_000,
  },
});
