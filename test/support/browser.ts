import type { Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';

/**
 * One real Chromium for the enclosing describe block: launched before its tests, closed after
 * them. Returns the getter the tests call.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: call this inside a test');
    return browser;
  };
}
