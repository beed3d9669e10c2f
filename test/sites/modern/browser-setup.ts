import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { startModernShop, type RunningModernShop } from '../../../sites/modern/server.js';
import { launchBrowser } from '../../../src/browser/launch.js';
import { CONSENT_COOKIE, NEWSLETTER_COOKIE } from '../../../sites/modern/client/consent.js';

/** Which of the shop's interruptions a new visitor has already dealt with. */
export interface VisitorHistory {
  /** Answered the cookie banner (so it does not show). */
  consented: boolean;
  /** Saw the newsletter offer (so it does not open). */
  sawNewsletter: boolean;
}

/** Both interruptions already dealt with, for tests about other widgets. */
export const QUIET: VisitorHistory = { consented: true, sawNewsletter: true };

/** A fresh visitor (browser context) with the given history. */
export async function visitor(
  browser: Browser,
  url: string,
  history: VisitorHistory,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (history.consented) {
    await context.addCookies([{ name: CONSENT_COOKIE, value: 'accepted', url }]);
  }
  if (history.sawNewsletter) {
    await context.addCookies([{ name: NEWSLETTER_COOKIE, value: '1', url }]);
  }
  const page = await context.newPage();
  return { context, page };
}

/** Opens a page and waits until the browser code has rendered it and hydrated. */
export async function openHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.waitForSelector('main[aria-busy="false"]');
}

/**
 * Starts a browser and a modern shop for the test file (beforeAll) and stops both after it; read
 * them through the returned object once the tests run.
 */
export function useModernShopInBrowser(): { browser: Browser; shop: RunningModernShop } {
  const running = {} as { browser: Browser; shop: RunningModernShop };
  beforeAll(async () => {
    [running.browser, running.shop] = await Promise.all([
      launchBrowser(),
      startModernShop({ port: 0 }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await running.browser?.close();
    await running.shop?.close();
  });
  return running;
}
