import { defineConfig } from 'playwright/test';
import { CHROMIUM_FLAGS, findBrowser } from './src/browser/launch.js';

/**
 * End-to-end specs (test/e2e/*.spec.ts) against the mock shop, started by the built CLI.
 * Run `npm run build` first, then `npx playwright test`.
 */
const port = Number(process.env.SHOPSIM_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const browser = findBrowser();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  // the JSON and HTML reports are read by scripts/check-e2e-report.mjs (npm run test:e2e): the
  // shopsim/test fixture's attachments must be in both
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['json', { outputFile: 'test-results/e2e-report.json' }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    baseURL,
    headless: true,
    launchOptions: {
      executablePath: browser.executablePath,
      ...(browser.channel ? { channel: browser.channel } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `node bin/shopsim.js serve --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
