import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';
import {
  startModernShop,
  type ModernOrder,
  type RunningModernShop,
} from '../../../sites/modern/server.js';
import { launchBrowser } from '../../../src/browser/launch.js';
import { openHydrated, QUIET, visitor } from './browser-setup.js';

const data = buildModernCatalog(1);
/** A product whose every option group offers an in-stock choice. */
const product = data.catalog.products.find(
  (p) =>
    p.optionGroups.length >= 2 && p.optionGroups.every((g) => g.options.some((o) => o.stock > 2)),
)!;

let browser: Browser;
let shop: RunningModernShop;
beforeAll(async () => {
  const orderLog = path.join(mkdtempSync(path.join(tmpdir(), 'modern-browser-')), 'orders.jsonl');
  [browser, shop] = await Promise.all([launchBrowser(), startModernShop({ port: 0, orderLog })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('buying on the modern shop in a browser', () => {
  it('chooses options, checks out with validation messages, and places an order', async () => {
    const { context, page } = await visitor(browser, shop.url, QUIET);
    await openHydrated(page, `${shop.url}/products/${data.handleOf.get(product.id)}`);
    expect(await page.locator('main h1').textContent()).toBe(product.title);

    // Adding without choosing options is refused next to each dropdown.
    await page.getByRole('button', { name: 'Add to cart' }).click();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/^Please select a /);
    const triggers = page.locator('main [aria-haspopup="listbox"]');
    expect(await triggers.first().getAttribute('aria-invalid')).toBe('true');

    const chosen: Record<string, string> = {};
    for (const [i, group] of product.optionGroups.entries()) {
      const option = group.options.find((o) => o.stock > 2)!;
      await triggers.nth(i).click();
      await page.getByRole('listbox').getByRole('option', { name: option.value }).click();
      chosen[group.name] = option.value;
    }
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const drawer = page.getByRole('dialog', { name: /Your cart/ });
    await drawer.getByRole('button', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout$/);
    await page.waitForSelector('main[aria-busy="false"]');

    // Everything starts empty; submitting says what each required field needs.
    await page.getByRole('button', { name: 'Place order' }).click();
    expect(await page.locator('form [data-form-error]').textContent()).toBe(
      'Please fix the 10 highlighted fields.',
    );
    const email = page.getByLabel('Email', { exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Enter an email address',
    );
    expect(await page.getByText('Enter the security code').isVisible()).toBe(true);
    expect(await page.getByText('Choose a shipping method').isVisible()).toBe(true);
    expect(
      await page.getByLabel('Apartment, suite, etc. (optional)').getAttribute('aria-invalid'),
    ).toBeNull();

    await email.fill('ann@example.com');
    await page.getByLabel('Country/Region').selectOption('CA');
    await page.getByLabel('Full name').fill('Ann Lee');
    await page.getByLabel('Address', { exact: true }).fill('1 Main St');
    await page.getByLabel('City').fill('Toronto');
    await page.getByLabel('Postal code').fill('M5V 2T6');
    await page.getByLabel(/Standard/).check();
    await page.getByLabel('Card number').fill('4000056655665556');
    await page.getByLabel('Expiration date (MM / YY)').fill('1249');
    expect(await page.getByLabel('Expiration date (MM / YY)').inputValue()).toBe('12 / 49');
    await page.getByLabel('Security code').fill('321');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect
      .poll(() => page.getByLabel('Card number').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.locator('form [data-form-error]').textContent()).toMatch(
      /^Your card was declined\./,
    );
    expect(await email.getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Card number').fill('4242424242424242');
    expect(await page.getByLabel('Card number').inputValue()).toBe('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/order\/ORD-[A-Z0-9]{8}$/);
    expect(await page.locator('h1').textContent()).toBe('Order confirmed');
    const orderId = new URL(page.url()).pathname.split('/')[2]!;

    const visitorId = (await context.cookies()).find((c) => c.name === '_nf_session')!.value;
    const orders = (await (await fetch(`${shop.url}/api/orders`)).json()) as ModernOrder[];
    const order = orders.find((o) => o.orderId === orderId)!;
    expect(order).toMatchObject({
      visitorId,
      country: 'CA',
      shippingMethod: 'standard',
      items: [{ productId: product.id, quantity: 1, options: chosen }],
    });
    await context.close();
  });
});
