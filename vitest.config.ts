import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Narrow on purpose: Playwright Test specs (*.spec.ts) are run by `playwright test`, not vitest.
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's module cache: importing src/ (Playwright, zod, the CLI)
    // once per worker instead of once per file took the suite from 509 s to 401 s. Files must not
    // rely on fresh module state; every test restores what it changes (see test/support/cli.ts).
    isolate: false,
  },
});
