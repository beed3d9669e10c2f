import type { Browser, BrowserContext, Page } from 'playwright';
import type { Observation } from '../../src/observe/observation.js';
import { getSimplifierScript } from '../../src/observe/script.js';

/**
 * Opens `html` as if served from `url` in a fresh context with JavaScript disabled and every other
 * request aborted (real pages reference hosts that are not reachable and scripts must not run).
 */
export async function openStaticPage(
  browser: Browser,
  url: string,
  html: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? false,
  });
  let served = false;
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (!served && request.isNavigationRequest() && !request.frame().parentFrame()) {
      served = true;
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else {
      await route.abort();
    }
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { context, page };
}

/**
 * Injects the simplifier script and observes the page, timing the in-page run alone (src/browser
 * also moves the answer out of the page as JSON, which this leaves out).
 */
export async function observeInBrowser(
  page: Page,
  recipe: unknown = null,
): Promise<{ observation: Observation; ms: number }> {
  await page.evaluate(await getSimplifierScript());
  const [observation, ms] = await page.evaluate(
    (opts) => {
      const start = performance.now();
      const observe = (globalThis as unknown as { __shopsimObserve: (o: unknown) => Observation })
        .__shopsimObserve;
      const result = observe(opts);
      return [result, performance.now() - start] as const;
    },
    { recipe },
  );
  return { observation, ms };
}
