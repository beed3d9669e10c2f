import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { startShop } from '../../../sites/shop/server.js';
import { VisitorStore } from '../../../sites/shop/state/visitors.js';
import { ShopClient } from './shop-client.js';

const simple = generateCatalog(1).products.find(
  (p) => p.optionGroups.length === 0 && p.stock >= 5,
)!;

describe('idle visitors are forgotten', () => {
  it('drops a visitor idle longer than idleMs, keeps one that keeps coming', () => {
    let now = 0;
    const store = new VisitorStore({ idleMs: 1000, now: () => now });
    const a = store.get(undefined).visitor;
    const b = store.get(undefined).visitor;
    a.cart.push({ key: 'k', productId: 'p0001', selection: {}, quantity: 1 });
    now = 600;
    expect(store.get(b.id).visitor).toBe(b); // b comes back; a does not
    now = 1100;
    expect(store.size).toBe(2);
    const again = store.get(a.id);
    expect(again.visitor).not.toBe(a);
    expect(again.visitor.cart).toEqual([]);
    expect(again.isNew).toBe(false); // same cookie, fresh state
    expect(store.get(b.id).visitor).toBe(b);
    now = 5000;
    store.get(undefined);
    expect(store.size).toBe(1);
  });

  it('keeps at most maxVisitors, dropping the longest idle', () => {
    let now = 0;
    const store = new VisitorStore({ maxVisitors: 3, now: () => now++ });
    const first = store.get(undefined).visitor;
    const second = store.get(undefined).visitor;
    store.get(undefined);
    store.get(first.id); // first is recent again
    store.get(undefined);
    expect(store.size).toBe(3);
    expect(store.get(first.id).visitor).toBe(first);
    expect(store.get(second.id).visitor).not.toBe(second);
  });

  it('the shop empties an idle visitor cart on its injected clock', async () => {
    let now = 1_000_000;
    const shop = await startShop({
      port: 0,
      seed: 1,
      visitors: { idleMs: 60_000, now: () => now },
    });
    try {
      const client = new ShopClient(shop.url);
      expect(
        (await client.post('/cart/add', { product_id: simple.id, quantity: '1', return: '/' }))
          .status,
      ).toBe(303);
      expect((await client.page('/cart')).document.querySelector('#cart_empty')).toBeNull();
      now += 59_000;
      expect((await client.page('/cart')).document.querySelector('#cart_empty')).toBeNull();
      now += 61_000;
      expect((await client.page('/cart')).document.querySelector('#cart_empty')).not.toBeNull();
    } finally {
      await shop.close();
    }
  });
});
