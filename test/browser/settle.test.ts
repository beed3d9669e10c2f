import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DOM_WATCH_SCRIPT } from '../../src/browser/dom-watch.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { NetworkTracker } from '../../src/browser/network-tracker.js';
import { waitForSettle } from '../../src/browser/settle.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

let browser: Browser;
let server: FixtureServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startFixtureServer()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const OPTIONS = { timeoutMs: 10_000, quietMs: 150, quietCapMs: 5_000 };

it.each([
  ['fetch', `fetch('/slow?ms=500').then(render)`],
  [
    'XMLHttpRequest',
    `const x = new XMLHttpRequest(); x.onload = render; x.open('GET', '/slow?ms=500'); x.send()`,
  ],
])(
  'waits for a %s the page made even before the browser reports it, until the page rendered the answer',
  async (_kind, request) => {
    const context = await browser.newContext();
    await context.addInitScript(DOM_WATCH_SCRIPT);
    const page = await context.newPage();
    await page.goto(`${server.url}/controls.html`);
    // a tracker that has not heard of the request yet, as on a machine too busy to report it
    const late = new NetworkTracker(await context.newPage());
    const since = Date.now();
    await page.evaluate(`{
      const render = () => {
        const b = document.createElement('button');
        b.textContent = 'Answered';
        document.body.appendChild(b);
      };
      ${request};
      undefined;
    }`);
    expect(await waitForSettle(page, late, OPTIONS, since, 'test')).toBe(true);
    expect(await page.getByRole('button', { name: 'Answered' }).count()).toBe(1);
    await context.close();
  },
);
