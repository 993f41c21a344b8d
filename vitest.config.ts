import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: { '@shared': here('./src/shared'), '@server': here('./src/server'), '@web': here('./src/web') },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    globalSetup: ['src/server/test/global-setup.ts'],
    // Each API test file boots its own database; two at a time fits two cores.
    pool: 'forks',
    maxWorkers: 2,
    // Timeouts guard against hangs, not speed (speed lives in `npm run bench`): CI shares two cores with other
    // work, and a demo seed or a route walk that takes 20 s alone can take three times that there.
    testTimeout: 150_000,
    hookTimeout: 180_000,
  },
});
