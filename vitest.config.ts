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
  },
});
