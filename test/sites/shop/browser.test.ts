import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import type { Product } from '../../../sites/shop/catalog/types.js';
import { startShop, type RunningShop, type ShopOrder } from '../../../sites/shop/server.js';
import { launchBrowser } from '../../../src/browser/launch.js';

const catalog = generateCatalog(1);
const money = (cents: number) =>
  '$' + (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

let shop: RunningShop;
let browser: Browser;
beforeAll(async () => {
  const orderLog = path.join(mkdtempSync(path.join(tmpdir(), 'shop-browser-')), 'orders.jsonl');
  shop = await startShop({ port: 0, orderLog });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function visitorId(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.find((c) => c.name === 'shop_visitor')!.value;
}

/** Picks, in the browser, the last in-stock option of every group; returns the unit price. */
async function pickOptions(page: Page, product: Product): Promise<number> {
  let price = product.price;
  for (const group of product.optionGroups) {
    const fieldset = page.locator(`#option_${group.key}`);
    for (const option of group.options) {
      const input = fieldset.locator(`input[value="${option.slug}"]`);
      expect(await input.isDisabled()).toBe(option.stock === 0);
    }
    const choice = [...group.options].reverse().find((o) => o.stock >= 3)!;
    await fieldset.getByText(choice.value, { exact: true }).click();
    await expect
      .poll(() => fieldset.locator(`input[value="${choice.slug}"]`).isChecked())
      .toBe(true);
    price += choice.priceDelta;
  }
  await expect.poll(() => page.locator('#product_price').textContent()).toBe(money(price));
  return price;
}

async function shopFunnel(variant: 'a' | 'b'): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${shop.url}/?variant=${variant}`);
    await expect.poll(() => page.locator('body').getAttribute('data-variant')).toBe(variant);

    // Search and filter by the first brand (the page script applies the filter on click).
    await page.locator('#search_input').fill('running shoes');
    await page.locator('#search_input').press('Enter');
    await page.waitForURL(/\/search\?q=running\+shoes$/);
    const brandBox = page.locator('#brand_filter input[type="checkbox"]').first();
    const brand = await brandBox.getAttribute('value');
    await Promise.all([page.waitForURL(new RegExp(`brand=${brand}`)), brandBox.check()]);
    const cards = page.locator('#search_results > li.product-card');
    expect(await cards.count()).toBeGreaterThan(0);
    // The first result whose options all have 3+ units, so quantities up to 3 are possible.
    let product: Product | undefined;
    for (const id of await cards.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-product-id')!),
    )) {
      const p = catalog.byId.get(id)!;
      expect(p.brandSlug).toBe(brand);
      if (!product && p.optionGroups.every((g) => g.options.some((o) => o.stock >= 3))) product = p;
    }
    expect(product).toBeDefined();
    await page.locator(`li[data-product-id="${product!.id}"] a.title-link`).click();
    await page.waitForURL(`${shop.url}/product/${product!.id}`);

    // Reviews: open in a, behind "Show reviews" in b, where paging happens without a reload.
    const list = page.locator('#review_list_container');
    if (variant === 'b') {
      expect(await list.isVisible()).toBe(false);
      await page.locator('#show_reviews').click();
      expect(await list.isVisible()).toBe(true);
      if (product!.reviewCount > 10) {
        await page.locator('#reviews_next').click();
        await expect.poll(() => page.locator('#review_list').getAttribute('data-page')).toBe('2');
        expect(page.url()).toBe(`${shop.url}/product/${product!.id}`);
      }
    } else {
      expect(await list.isVisible()).toBe(true);
    }

    // Options, quantity 2 with the stepper, add to cart.
    const unit = await pickOptions(page, product!);
    await page.locator('#quantity_increase').click();
    expect(await page.locator('#quantity').inputValue()).toBe('2');
    await Promise.all([
      page.waitForURL(`${shop.url}/product/${product!.id}`),
      page.locator('#add_to_cart').click(),
    ]);
    expect(await page.locator('#flash').textContent()).toContain(`Added 2 × ${product!.title}`);
    expect((await page.locator('#cart_count').textContent())!.trim()).toBe('2');

    // Cart: step up to 3, then type 2 and press Enter.
    await page.locator('#cart_link').click();
    await page.waitForURL(`${shop.url}/cart`);
    const line = page.locator(`li.cart-line[data-product-id="${product!.id}"]`);
    await Promise.all([
      page.waitForURL(`${shop.url}/cart`),
      line.locator('button.increase-quantity').click(),
    ]);
    expect(await line.locator('input.line-quantity').inputValue()).toBe('3');
    await line.locator('input.line-quantity').fill('2');
    await Promise.all([
      page.waitForURL(`${shop.url}/cart`),
      line.locator('input.line-quantity').press('Enter'),
    ]);
    await expect.poll(() => line.locator('input.line-quantity').inputValue()).toBe('2');
    expect((await line.locator('.line-total').textContent())!.trim()).toBe(money(unit * 2));
    const total = (await page.locator('#summary_total').textContent())!.trim();

    // Checkout with the prefilled test customer, then the confirmation and the order log.
    await page.locator('#proceed_to_checkout').click();
    await page.waitForURL(`${shop.url}/checkout`);
    expect(await page.locator('#card_number').inputValue()).toBe('4242 4242 4242 4242');
    await page.locator('#place_order').click();
    await page.waitForURL(/\/order\/ORD-/);
    const orderId = (await page.locator('#order_id').textContent())!.trim();
    expect((await page.locator('#order_total').textContent())!.trim()).toBe(total);

    const visitor = await visitorId(context);
    const orders = (await (
      await fetch(`${shop.url}/api/orders?visitor=${visitor}`)
    ).json()) as ShopOrder[];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ orderId, variant, visitorId: visitor });
    expect(orders[0]!.items).toEqual([
      expect.objectContaining({ productId: product!.id, quantity: 2, unitPrice: unit / 100 }),
    ]);
    expect(money(Math.round(orders[0]!.total * 100))).toBe(total);
  } finally {
    await context.close();
  }
}

describe('mock shop in a real browser', () => {
  it('sells a product end to end in variant a', () => shopFunnel('a'), 180_000);

  it('sells a product end to end in variant b', () => shopFunnel('b'), 180_000);

  it('keeps two parallel visitors apart', async () => {
    const [one, two] = await Promise.all([browser.newContext(), browser.newContext()]);
    try {
      const simple = catalog.products.filter((p) => p.optionGroups.length === 0 && p.stock > 2);
      const buy = async (context: BrowserContext, product: Product) => {
        const page = await context.newPage();
        await page.goto(`${shop.url}/product/${product.id}`);
        await Promise.all([page.waitForURL(/\/product\//), page.locator('#add_to_cart').click()]);
        await page.goto(`${shop.url}/cart`);
        return page
          .locator('li.cart-line')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));
      };
      const [cartOne, cartTwo] = await Promise.all([buy(one, simple[0]!), buy(two, simple[1]!)]);
      expect(cartOne).toEqual([simple[0]!.id]);
      expect(cartTwo).toEqual([simple[1]!.id]);
      expect(await visitorId(one)).not.toBe(await visitorId(two));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 120_000);
});
