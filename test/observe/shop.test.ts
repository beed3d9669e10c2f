import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { NAME_ATTRIBUTE, type Observation } from '../../src/observe/observation.js';
import { loadRecipe, type Recipe } from '../../src/observe/recipe.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { startShop, type RunningShop } from '../../sites/shop/server.js';
import { observeInBrowser } from './browser.js';

/** The funnel of the mock shop, observed with its recipe; returns page kind -> observation. */
async function walkFunnel(page: Page, base: string, recipe: Recipe | null) {
  const pages: Record<string, Observation> = {};
  const observe = async (kind: string) => {
    pages[kind] = (await observeInBrowser(page, recipe)).observation;
    return pages[kind];
  };
  const click = (name: string) => page.locator(`[${NAME_ATTRIBUTE}="${name}"]`).click();
  await page.goto(`${base}/`);
  const home = await observe('home');
  expect(home.elements.map((e) => e.name)).toContain('nav_bar.search_input');
  await page.locator(`[${NAME_ATTRIBUTE}="nav_bar.search_input"]`).fill('shoes');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?/);
  const results = await observe('search');
  const title = results.elements.find((e) => /^search_results\.p\d{4}\.title$/.test(e.name));
  expect(title, 'a pinned result title').toBeDefined();
  await Promise.all([page.waitForURL(/\/product\//), click(title!.name)]);
  await observe('product');
  await Promise.all([page.waitForLoadState('load'), click('product_form.add_to_cart')]);
  await page.goto(`${base}/cart`);
  await observe('cart');
  await Promise.all([page.waitForURL(/\/checkout/), click('cart_page.proceed_to_checkout')]);
  await observe('checkout');
  return pages;
}

/** Markup identity -> semantic name: by id, and by product id + class inside product cards. */
async function namesById(page: Page): Promise<Record<string, string>> {
  return page.evaluate((attr) => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll(`[${attr}]`))) {
      const card = el.closest('[data-product-id]');
      const key = el.id || (card ? `${card.getAttribute('data-product-id')}:${el.className}` : '');
      if (key) out[key] = el.getAttribute(attr)!;
    }
    return out;
  }, NAME_ATTRIBUTE);
}

describe('the mock shop with its recipe (real Chromium)', () => {
  let browser: Browser;
  let shopA: RunningShop;
  let shopB: RunningShop;
  const recipe = loadRecipe(`${PACKAGE_ROOT}/sites/shop/recipe.json`);
  beforeAll(async () => {
    [browser, shopA, shopB] = await Promise.all([
      launchBrowser(),
      startShop({ variant: 'a' }),
      startShop({ variant: 'b' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), shopA?.close(), shopB?.close()]);
  });

  it('pins the funnel names in both variants, and actions resolve by name', async () => {
    for (const shop of [shopA, shopB]) {
      const context = await browser.newContext();
      try {
        const pages = await walkFunnel(await context.newPage(), shop.url, recipe);
        const names = (kind: string) => pages[kind]!.elements.map((e) => e.name);
        expect(names('product')).toEqual(
          expect.arrayContaining(['product_form.add_to_cart', 'product_form.buy_now']),
        );
        expect(names('product').some((n) => /^product_options\.size\.[0-9_]+$/.test(n))).toBe(true);
        expect(names('checkout')).toContain('checkout.place_order');
        for (const obs of Object.values(pages)) {
          expect(new Set(obs.elements.map((e) => e.name)).size).toBe(obs.elements.length);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('gives the same control the same name across variants, visitors and reloads', async () => {
    const paths = ['/', '/search?q=jacket', '/category/kitchen', '/product/p0042', '/cart'];
    const seen = new Map<string, Record<string, string>>();
    for (const [shop, visitor] of [
      [shopA, 1],
      [shopA, 2],
      [shopB, 1],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        for (const path of paths) {
          await page.goto(shop.url + path);
          const first = (await observeInBrowser(page, recipe)).observation;
          await page.reload();
          const again = (await observeInBrowser(page, recipe)).observation;
          expect(again.elements.map((e) => e.name), `reload ${path}`).toEqual(first.elements.map((e) => e.name)); // prettier-ignore
          const byId = await namesById(page);
          const before = seen.get(path);
          if (!before) seen.set(path, byId);
          else {
            const common = Object.keys(byId).filter((id) => id in before);
            expect(common.length, `${path} shares controls`).toBeGreaterThan(3);
            for (const id of common) expect(byId[id], `${path} #${id} (visitor ${visitor})`).toBe(before[id]); // prettier-ignore
          }
        }
      } finally {
        await context.close();
      }
    }
  });
});
