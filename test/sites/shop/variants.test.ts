import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { startShop, type RunningShop } from '../../../sites/shop/server.js';
import { ShopClient } from './shop-client.js';

const catalog = generateCatalog(1);
/** A product with many written reviews and both option groups, for the product page checks. */
const reviewed = catalog.products.find((p) => p.reviewCount >= 30 && p.optionGroups.length >= 2)!;
const ids = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => e.id);

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({ port: 0 });
});
afterAll(async () => {
  await shop.close();
});

describe('A/B variants', () => {
  it('gives new visitors the server default and pins it with a cookie', async () => {
    const visitor = new ShopClient(shop.url);
    const { document } = await visitor.page('/');
    expect(document.body.getAttribute('data-variant')).toBe('a');
    expect(visitor.cookies.get('shop_variant')).toBe('a');
    expect(visitor.cookies.get('shop_visitor')).toMatch(/^v[0-9a-f]{16}$/);

    const bShop = await startShop({ port: 0, variant: 'b' });
    try {
      const bVisitor = new ShopClient(bShop.url);
      expect((await bVisitor.page('/')).document.body.getAttribute('data-variant')).toBe('b');
      // A visitor already pinned to a keeps a on a b-default server.
      bVisitor.cookies.set('shop_variant', 'a');
      expect((await bVisitor.page('/')).document.body.getAttribute('data-variant')).toBe('a');
    } finally {
      await bShop.close();
    }
  });

  it('switches a visitor with ?variant= and keeps the choice afterwards', async () => {
    const visitor = new ShopClient(shop.url);
    expect((await visitor.page('/?variant=b')).document.body.getAttribute('data-variant')).toBe(
      'b',
    );
    expect(visitor.cookies.get('shop_variant')).toBe('b');
    expect((await visitor.page('/cart')).document.body.getAttribute('data-variant')).toBe('b');
    expect((await visitor.page('/?variant=zzz')).document.body.getAttribute('data-variant')).toBe(
      'b',
    );
    expect((await visitor.page('/?variant=a')).document.body.getAttribute('data-variant')).toBe(
      'a',
    );
  });

  it('changes filters, buy box and reviews in b but keeps the same ids', async () => {
    const a = new ShopClient(shop.url);
    const b = new ShopClient(shop.url);
    await b.get('/?variant=b');
    const searchA = (await a.page('/search?q=shoes')).document;
    const searchB = (await b.page('/search?q=shoes')).document;
    expect(searchA.querySelectorAll('#brand_filter input').length).toBeGreaterThan(5);
    expect(searchB.querySelectorAll('#brand_filter input')).toHaveLength(5);
    expect(searchA.querySelectorAll('a.price-bucket').length).toBe(5);
    expect(searchB.querySelectorAll('a.price-bucket')).toHaveLength(0);
    expect(ids(searchB, '#brand_filter input')).toEqual(
      ids(searchA, '#brand_filter input').slice(0, 5),
    );

    const productA = (await a.page(`/product/${reviewed.id}`)).document;
    const productB = (await b.page(`/product/${reviewed.id}`)).document;
    expect(ids(productA, '.buy-buttons button')).toEqual(['add_to_cart', 'buy_now']);
    expect(ids(productB, '.buy-buttons button')).toEqual(['buy_now', 'add_to_cart']);
    expect(productB.querySelector('#buy_box')!.className).toContain('sticky');
    expect(productA.querySelector('#show_reviews')).toBeNull();
    expect(productB.querySelector('#show_reviews')!.getAttribute('aria-expanded')).toBe('false');
    expect(productA.querySelector('#review_list_container')!.hasAttribute('hidden')).toBe(false);
    expect(productB.querySelector('#review_list_container')!.hasAttribute('hidden')).toBe(true);
    const open = (await b.page(`/product/${reviewed.id}?reviews=open`)).document;
    expect(open.querySelector('#review_list_container')!.hasAttribute('hidden')).toBe(false);
    // Every id of the a page's form and reviews exists in b too (b only adds controls).
    const stable = '#product_form [id], #reviews [id], #site_header [id]';
    const inB = new Set(ids(productB, stable));
    expect(ids(productA, stable).filter((id) => !inB.has(id))).toEqual([]);
  });
});
