import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';
import { HEADER_IDS } from '../../../sites/modern/header-ids.js';
import { startModernShop, type RunningModernShop } from '../../../sites/modern/server.js';
import { launchBrowser } from '../../../src/browser/launch.js';
import { openHydrated, QUIET, visitor } from './browser-setup.js';

const data = buildModernCatalog(1);
const css = (id: string) => `[id="${id}"]`;

let browser: Browser;
let shop: RunningModernShop;
let slow: RunningModernShop;
beforeAll(async () => {
  [browser, shop, slow] = await Promise.all([
    launchBrowser(),
    startModernShop({ port: 0 }),
    startModernShop({ port: 0, hydrationDelayMs: 4000 }),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([shop?.close(), slow?.close()]);
});

describe('the modern shop in a browser', () => {
  it('ignores clicks until it hydrates late, then responds', async () => {
    const { context, page } = await visitor(browser, slow.url, QUIET);
    // Records, in the page, when hydration happened and whether each click came before it.
    await page.addInitScript(() => {
      const w = window as unknown as { hydratedAt?: number; clickStates: string[] };
      w.clickStates = [];
      new MutationObserver(() => {
        if (document.documentElement.dataset.hydrated && w.hydratedAt === undefined) {
          w.hydratedAt = performance.now();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
      window.addEventListener(
        'click',
        () => w.clickStates.push(document.documentElement.dataset.hydrated ?? 'no'),
        true,
      );
    });
    await page.goto(slow.url + '/', { waitUntil: 'domcontentloaded' });
    const menu = page.locator(css(HEADER_IDS.menuButton));
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(css(HEADER_IDS.menuPanel)).isVisible()).toBe(false);
    await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20_000 });
    const timing = await page.evaluate(() => ({
      hydratedAt: (window as unknown as { hydratedAt: number }).hydratedAt,
      loaded: performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventStart,
    }));
    expect(timing.hydratedAt - timing.loaded).toBeGreaterThan(3500);
    // The early click was not queued and replayed: the menu is still closed.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(
      await page.evaluate(() => (window as unknown as { clickStates: string[] }).clickStates),
    ).toEqual(['no', 'true']);
    await context.close();
  });

  it('shows skeletons until the client renders the page from the API', async () => {
    const { context, page } = await visitor(browser, shop.url, QUIET);
    // the API answers only once the skeleton has been seen, however slow the machine is
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/products*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(shop.url + '/collections/kitchen', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('main [data-skeleton]').count()).toBe(1);
    expect(await page.locator('main h1').count()).toBe(0);
    release();
    await page.waitForSelector('main[aria-busy="false"]');
    expect(await page.locator('main h1').textContent()).toBe('Kitchen');
    expect(await page.locator('main [data-skeleton]').count()).toBe(0);
    expect(await page.title()).toBe('Kitchen – Northfold');
    await context.close();
  });

  it('opens search from the magnifier icon and shows results on Enter, without a page load', async () => {
    const { context, page } = await visitor(browser, shop.url, QUIET);
    await openHydrated(page, shop.url + '/');
    const icon = page.getByRole('button', { name: 'Open search' });
    expect((await icon.textContent())?.trim()).toBe('Open search');
    expect(await page.getByRole('searchbox').count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await icon.click();
    const box = page.getByRole('searchbox', { name: 'Search products' });
    await expect.poll(() => box.isVisible()).toBe(true);
    await box.fill('headphones');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=headphones$/);
    await page.waitForSelector('main[aria-busy="false"]');
    expect(await page.locator('main h1').textContent()).toBe('Results for “headphones”');
    expect(await page.locator('main [data-handle]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('searchbox').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await context.close();
  });

  it('opens the Shop mega-menu and follows a category link', async () => {
    const { context, page } = await visitor(browser, shop.url, QUIET);
    await openHydrated(page, shop.url + '/');
    await page.getByRole('button', { name: 'Shop' }).click();
    const panel = page.locator(css(HEADER_IDS.menuPanel));
    expect(await panel.isVisible()).toBe(true);
    const links = await panel
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const category of data.catalog.categories) {
      expect(links).toContain(`/collections/${category.slug}`);
    }
    await panel.getByRole('link', { name: 'Kitchen', exact: true }).click();
    await page.waitForURL(/\/collections\/kitchen$/);
    await page.waitForSelector('main[aria-busy="false"]');
    expect(await page.locator('main h1').textContent()).toBe('Kitchen');
    expect(await panel.isVisible()).toBe(false);
    await context.close();
  });

  it('reveals a card’s add-to-cart on hover; adding opens a drawer that covers the page', async () => {
    const { context, page } = await visitor(browser, shop.url, QUIET);
    await openHydrated(page, shop.url + '/collections/audio');
    const card = page.locator('main [data-handle]').first();
    const add = card.getByRole('button', { name: 'Add to cart' });
    expect(await add.isVisible()).toBe(false);
    await card.hover();
    await expect.poll(() => add.isVisible()).toBe(true);
    // the button slides in; clicked while moving, Playwright's retries scroll it under the header
    await expect
      .poll(() => add.evaluate((el) => getComputedStyle(el.parentElement!).opacity))
      .toBe('1');
    await add.click();
    const drawer = page.getByRole('dialog', { name: /Your cart/ });
    await expect.poll(() => drawer.isVisible()).toBe(true);
    expect(await drawer.getByRole('status').textContent()).toContain('to your cart.');
    expect(await drawer.getByRole('button', { name: 'Checkout' }).isVisible()).toBe(true);
    // Anything on the page under the backdrop is covered: the topmost element is the drawer's.
    const covered = await page.evaluate(() => {
      const hit = document.elementFromPoint(200, 400);
      return Boolean(hit?.hasAttribute('data-backdrop') && hit.closest('#headlessui-portal-root'));
    });
    expect(covered).toBe(true);
    // Even the header's search icon is under the drawer (its panel, at the right edge).
    const icon = (await page.getByRole('button', { name: 'Open search' }).boundingBox())!;
    const onIcon = await page.evaluate(
      ([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('#headlessui-portal-root')),
      [icon.x + icon.width / 2, icon.y + icon.height / 2],
    );
    expect(onIcon).toBe(true);
    await drawer.getByRole('button', { name: 'Close cart' }).click();
    expect(await drawer.count()).toBe(0);
    expect(await page.locator('[data-cart-count]').textContent()).toBe('1');
    await context.close();
  });

  it('keeps the cookie banner over the bottom of the page until it is answered', async () => {
    const { context, page } = await visitor(browser, shop.url, {
      consented: false,
      sawNewsletter: true,
    });
    await openHydrated(page, shop.url + '/');
    const banner = page.getByRole('dialog', { name: 'We value your privacy' });
    expect(await banner.isVisible()).toBe(true);
    const box = (await banner.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(900, 0);
    expect(box.width).toBe(1280);
    await banner.getByRole('button', { name: 'Reject all' }).click();
    expect(await banner.count()).toBe(0);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'nf_consent')?.value).toBe('rejected');
    await openHydrated(page, shop.url + '/collections/shoes');
    expect(await banner.count()).toBe(0);
    await context.close();
  });

  it('opens the newsletter offer once per visitor, a few seconds in, and closes it', async () => {
    const { context, page } = await visitor(browser, shop.url, {
      consented: true,
      sawNewsletter: false,
    });
    // Notes, in the page, when the offer appeared (timers only ever fire late, so this is safe).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const w = window as unknown as { offerAt?: number };
        if (w.offerAt === undefined && document.getElementById('klaviyo-form-portal')) {
          w.offerAt = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await openHydrated(page, shop.url + '/');
    const modal = page.getByRole('dialog', { name: 'Get 10% off your first order' });
    await modal.waitFor({ state: 'visible', timeout: 15_000 });
    const timing = await page.evaluate(() => ({
      offerAt: (window as unknown as { offerAt: number }).offerAt,
      loaded: performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventStart,
    }));
    expect(timing.offerAt - timing.loaded).toBeGreaterThan(2400);
    await modal.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await modal.count()).toBe(0);
    await openHydrated(page, shop.url + '/');
    await page.waitForTimeout(3000);
    expect(await modal.count()).toBe(0);
    await context.close();
  });

  it('sets a product option with the custom dropdown, by mouse and by keyboard', async () => {
    const product = data.catalog.products.find(
      (p) =>
        p.optionGroups.length >= 1 &&
        p.optionGroups[0]!.options.filter((o) => o.stock > 0).length >= 2,
    )!;
    const group = product.optionGroups[0]!;
    const { context, page } = await visitor(browser, shop.url, QUIET);
    await openHydrated(page, `${shop.url}/products/${data.handleOf.get(product.id)}`);
    expect(await page.locator('main select').count()).toBe(0);
    const trigger = page.locator('main [aria-haspopup="listbox"]').first();
    expect(await trigger.textContent()).toContain(`Select ${group.name.toLowerCase()}`);
    await trigger.click();
    expect(await trigger.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.getByRole('listbox');
    expect(await listbox.getByRole('option').count()).toBe(group.options.length);
    const [first, second] = group.options.filter((o) => o.stock > 0);
    await listbox.getByRole('option', { name: first!.value }).click();
    expect((await trigger.textContent())?.trim()).toBe(first!.value);
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
    expect(await listbox.isVisible()).toBe(false);
    await trigger.focus();
    await trigger.press('ArrowDown');
    const index = group.options.findIndex((o) => o.slug === second!.slug);
    const from = group.options.findIndex((o) => o.slug === first!.slug);
    for (let i = from; i < index; i++) {
      if (group.options[i + 1]!.stock > 0) await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    expect((await trigger.textContent())?.trim()).toBe(second!.value);
    await context.close();
  });
});
