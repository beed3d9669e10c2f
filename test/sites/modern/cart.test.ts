import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';
import { startModernShop, type RunningModernShop } from '../../../sites/modern/server.js';
import type { CartJson } from '../../../sites/modern/types.js';
import { defaultSelection } from '../../../sites/shop/catalog/stock.js';
import { ModernClient } from './modern-client.js';

const shopData = buildModernCatalog(1);
/** A product with two or more option groups and one without options, both in stock. */
const [withOptions, plain] = (() => {
  const products = shopData.catalog.products;
  const a = products.find((p) => p.optionGroups.length >= 2 && defaultSelection(p))!;
  const b = products.find((p) => p.optionGroups.length === 0 && p.stock >= 3)!;
  return [a, b];
})();
const handle = (id: string) => shopData.handleOf.get(id)!;

type CartAnswer = { cart: CartJson; error?: string };

let shop: RunningModernShop;
beforeAll(async () => {
  shop = await startModernShop({ port: 0, apiLatencyMs: 0 });
});
afterAll(async () => {
  await shop?.close();
});

describe('the modern shop cart API', () => {
  it('refuses a product with options until every option is chosen', async () => {
    const client = new ModernClient(shop.url);
    const { status, body } = await client.postJson<CartAnswer>('/api/cart', {
      handle: handle(withOptions.id),
      options: {},
      quantity: 1,
    });
    expect(status).toBe(422);
    expect(body.error).toBe(`Please choose a ${withOptions.optionGroups[0]!.name.toLowerCase()}.`);
    expect(body.cart.lines).toEqual([]);
  });

  it('adds, merges, changes and removes lines, pricing the cart', async () => {
    const client = new ModernClient(shop.url);
    const options = defaultSelection(withOptions)!;
    const first = await client.postJson<CartAnswer>('/api/cart', {
      handle: handle(withOptions.id),
      options,
      quantity: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body.cart.lines).toHaveLength(1);
    const line = first.body.cart.lines[0]!;
    expect(line.handle).toBe(handle(withOptions.id));
    expect(line.choice).toContain(`${withOptions.optionGroups[0]!.name}: `);

    await client.postJson('/api/cart', { handle: handle(withOptions.id), options, quantity: 1 });
    const plainAdd = await client.postJson<CartAnswer>('/api/cart', {
      handle: handle(plain.id),
      quantity: 2,
    });
    const cart = plainAdd.body.cart;
    expect(cart.lines.map((l) => l.quantity)).toEqual([2, 2]);
    expect(cart.itemCount).toBe(4);
    expect(cart.subtotal.cents).toBe(cart.lines.reduce((s, l) => s + l.lineTotal.cents, 0));
    expect(cart.tax.cents).toBe(Math.floor((cart.subtotal.cents * 825 + 5000) / 10000));
    expect(cart.expressShipping.cents).toBe(1499);

    const set = await client.postJson<CartAnswer>('/api/cart/update', {
      key: line.key,
      quantity: 5,
    });
    expect(set.body.cart.lines[0]!.quantity).toBe(5);
    const zero = await client.postJson<CartAnswer>('/api/cart/update', {
      key: line.key,
      quantity: 0,
    });
    expect(zero.body.cart.lines.map((l) => l.handle)).toEqual([handle(plain.id)]);
    const removed = await client.postJson<CartAnswer>('/api/cart/remove', {
      key: zero.body.cart.lines[0]!.key,
    });
    expect(removed.body.cart.lines).toEqual([]);
    expect((await client.getJson<CartJson>('/api/cart')).body.itemCount).toBe(0);
  });

  it('refuses bad quantities and unknown lines with a message', async () => {
    const client = new ModernClient(shop.url);
    const tooMany = await client.postJson<CartAnswer>('/api/cart', {
      handle: handle(plain.id),
      quantity: 11,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatch(/choose a quantity of \d+ or less/);
    const text = await client.postJson<CartAnswer>('/api/cart', {
      handle: handle(plain.id),
      quantity: 'two',
    });
    expect(text.body.error).toBe('Quantity must be a whole number of at least 1.');
    const unknown = await client.postJson<CartAnswer>('/api/cart/update', {
      key: 'x',
      quantity: 1,
    });
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: 'That item is no longer in your cart.' },
    });
    const missing = await client.postJson<{ error: string }>('/api/cart', { handle: 'nope' });
    expect(missing).toEqual({
      status: 404,
      body: { error: 'Unknown product "nope"; it cannot be added.' },
    });
  });

  it('keeps each visitor’s cart apart', async () => {
    const ann = new ModernClient(shop.url);
    const bob = new ModernClient(shop.url);
    await ann.postJson('/api/cart', { handle: handle(plain.id), quantity: 1 });
    expect((await ann.getJson<CartJson>('/api/cart')).body.itemCount).toBe(1);
    expect((await bob.getJson<CartJson>('/api/cart')).body.itemCount).toBe(0);
  });
});
