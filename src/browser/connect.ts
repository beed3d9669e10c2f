import { chromium, type Browser } from 'playwright';
import { BrowserUnavailableError } from '../errors.js';
import type { RemoteBrowser } from './remote-browser.js';

/**
 * Connects to the remote browser, or returns null when none is set. Closing the Browser it
 * returns closes the contexts shopsim made and disconnects; the remote browser keeps running.
 */
export async function connectRemoteBrowser(
  remote: RemoteBrowser,
  timeoutMs = 30_000,
): Promise<Browser | null> {
  const endpoint = remote.browserEndpoint ?? remote.cdpUrl;
  if (!endpoint) return null;
  try {
    return remote.browserEndpoint
      ? await chromium.connect(remote.browserEndpoint, { timeout: timeoutMs })
      : await chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
  } catch (error) {
    const how = remote.browserEndpoint
      ? 'Playwright browser server (`npx playwright run-server`, or launchServer) of the same ' +
        'Playwright version'
      : 'Chromium started with --remote-debugging-port';
    throw new BrowserUnavailableError(
      `could not connect to the remote browser at ${endpoint}: ` +
        `${(error as Error).message.split('\n')[0]}. Check that a ${how} listens there.`,
    );
  }
}
