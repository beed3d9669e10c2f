import { expect, test } from 'playwright/test';
import type { ShopOrder } from '../../sites/shop/server.js';

for (const variant of ['a', 'b'] as const) {
  test(`buys a product end to end (variant ${variant})`, async ({ page, context, request }) => {
    await page.goto(`/?variant=${variant}`);
    await expect(page.locator('body')).toHaveAttribute('data-variant', variant);

    await page.getByLabel('Search products').fill('hoodie');
    await page.getByLabel('Search products').press('Enter');
    await expect(page).toHaveURL(/\/search\?q=hoodie$/);
    await expect(page.locator('#result_count')).toContainText('results');

    const card = page.locator('#search_results > li.product-card').filter({
      has: page.locator('button.add-to-cart:enabled'),
    });
    const title = (await card.first().locator('a.title-link').textContent())!.trim();
    await card.first().locator('a.title-link').click();
    await expect(page.locator('#product_title')).toHaveText(title);

    // Choose the first available size (out-of-stock sizes are disabled).
    const size = page.locator('#option_size input:enabled').first();
    await size.check();
    await expect(size).toBeChecked();
    await page.locator('#add_to_cart').click();
    await expect(page.locator('#flash')).toContainText(`Added ${title} to your cart.`);
    await expect(page.locator('#cart_count')).toHaveText('1');

    await page.locator('#cart_link').click();
    await expect(page).toHaveURL(/\/cart$/);
    await page.locator('li.cart-line button.increase-quantity').click();
    await expect(page.locator('li.cart-line input.line-quantity')).toHaveValue('2');
    const total = (await page.locator('#summary_total').textContent())!.trim();

    await page.getByRole('button', { name: 'Proceed to checkout' }).click();
    await expect(page).toHaveURL(/\/checkout$/);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page).toHaveURL(/\/order\/ORD-/);
    await expect(page.locator('#order_total')).toHaveText(total);
    const orderId = (await page.locator('#order_id').textContent())!.trim();

    const visitor = (await context.cookies()).find((c) => c.name === 'shop_visitor')!.value;
    const response = await request.get(`/api/orders?visitor=${visitor}`);
    const orders = (await response.json()) as ShopOrder[];
    expect(orders.map((o) => [o.orderId, o.variant, o.items[0]!.quantity])).toEqual([
      [orderId, variant, 2],
    ]);
  });
}
