import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { buildModernCatalog } from '../../sites/modern/catalog.js';
import { HEADER_IDS } from '../../sites/modern/header-ids.js';
import {
  openHydrated,
  QUIET,
  useModernShopInBrowser,
  visitor,
} from '../sites/modern/browser-setup.js';
import { observeInBrowser } from './browser.js';

const data = buildModernCatalog(1);
const running = useModernShopInBrowser();

/** The name the simplifier gave the first element matching each selector. */
async function namesOf(
  page: Page,
  selectors: Record<string, string>,
): Promise<Record<string, string | null>> {
  await observeInBrowser(page);
  const out: Record<string, string | null> = {};
  for (const [key, selector] of Object.entries(selectors)) {
    out[key] = await page.locator(selector).first().getAttribute('data-shopsim-name');
  }
  return out;
}

it('keeps the names of the modern shop controls when the cart fills and a size is chosen', async () => {
  const product = data.catalog.products.find(
    (p) =>
      p.optionGroups.length >= 1 &&
      p.optionGroups.every((g) => g.options.filter((o) => o.stock > 0).length >= 1),
  )!;
  const { context, page } = await visitor(running.browser, running.shop.url, QUIET);
  await openHydrated(page, `${running.shop.url}/products/${data.handleOf.get(product.id)}`);
  const selectors = {
    search: `[id="${HEADER_IDS.searchButton}"]`,
    cart: `[id="${HEADER_IDS.cartButton}"]`,
    option: 'main [aria-haspopup="listbox"]',
    decrease: 'main button:has(.sr-only:text-is("Decrease quantity"))',
    increase: 'main button:has(.sr-only:text-is("Increase quantity"))',
  };
  const before = await namesOf(page, selectors);
  expect(before.search).toMatch(/(?:^|\.)open_search$/);
  expect(before.cart).toMatch(/(?:^|\.)items_in_cart_view_bag$/);
  expect(before.decrease).toMatch(/(?:^|\.)decrease_quantity$/);
  expect(before.increase).toMatch(/(?:^|\.)increase_quantity$/);
  expect(before.option).toMatch(
    new RegExp(`(?:^|\\.)${product.optionGroups[0]!.name.toLowerCase()}$`),
  );
  expect(new Set(Object.values(before)).size).toBe(Object.keys(before).length);

  // choose every option group, then add to cart: the badge goes 0 -> 1, the triggers show values
  const triggers = page.locator('main [aria-haspopup="listbox"]');
  for (let i = 0; i < (await triggers.count()); i++) {
    await triggers.nth(i).click();
    await page.getByRole('listbox').getByRole('option', { disabled: false }).first().click();
  }
  expect((await triggers.first().textContent())?.trim()).not.toMatch(/^Select/);
  const badge = page.locator('[data-cart-count]').first();
  expect((await badge.textContent())?.trim()).toBe('0');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect.poll(async () => (await badge.textContent())?.trim()).toBe('1');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  expect(await namesOf(page, selectors)).toEqual(before);
  await context.close();
}, 90_000);
