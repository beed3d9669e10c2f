import { errors, type Page } from 'playwright';
import { NavigationTimeoutError, UsageError } from '../errors.js';

/**
 * Opens a start address (http(s) or file://). A page that does not answer in time is a
 * NavigationTimeoutError; an address that cannot be reached at all is a UsageError naming it.
 */
export async function gotoStart(page: Page, url: string, timeoutMs: number): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (error) {
    if (error instanceof errors.TimeoutError) {
      throw new NavigationTimeoutError(
        `open ${url}: the page did not load within ${seconds(timeoutMs)}; ` +
          'check that the site is up, or raise the timeout.',
      );
    }
    const message = (error as Error).message;
    const code = /net::ERR_[A-Z_]+/.exec(message)?.[0];
    throw new UsageError(
      `cannot open ${url}: ${code ?? message.split('\n')[0]}; ` +
        'check the address and that the site is running.',
    );
  }
}

/**
 * Cancels a pending navigation, like the browser's stop button, so the page stays usable after
 * a NavigationTimeoutError. (page.evaluate waits for a pending navigation, so window.stop()
 * cannot be used here; the DevTools protocol can.)
 */
export async function stopLoading(page: Page): Promise<void> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.stopLoading');
    await cdp.detach();
  } catch {
    // the page is gone or not a Chromium page: nothing to stop
  }
}

/** 1500 -> "1.5s", 15000 -> "15s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`;
}
