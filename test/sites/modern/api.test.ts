import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModernShop, type RunningModernShop } from '../../../sites/modern/server.js';
import type { ListingJson, ProductJson, ReviewPageJson } from '../../../sites/modern/types.js';
import { ModernClient } from './modern-client.js';

let shop: RunningModernShop;
let client: ModernClient;
beforeAll(async () => {
  shop = await startModernShop({ port: 0, apiLatencyMs: 0 });
  client = new ModernClient(shop.url);
});
afterAll(async () => {
  await shop?.close();
});

describe('the modern shop catalog API', () => {
  it('lists a category page by page', async () => {
    const first = await client.getJson<ListingJson>('/api/products?category=shoes&limit=5');
    expect(first.status).toBe(200);
    expect(first.body.category?.name).toBe('Shoes');
    expect(first.body.total).toBe(12);
    expect(first.body.pageCount).toBe(3);
    expect(first.body.items).toHaveLength(5);
    const last = await client.getJson<ListingJson>('/api/products?category=shoes&limit=5&page=3');
    expect(last.body.items).toHaveLength(2);
    const handles = new Set([...first.body.items, ...last.body.items].map((i) => i.handle));
    expect(handles.size).toBe(7);
  });

  it('filters by product type and sorts by price', async () => {
    const all = await client.getJson<ListingJson>('/api/products?category=shoes&limit=48');
    const { body } = await client.getJson<ListingJson>(
      '/api/products?category=shoes&type=running-shoes&sort=price-asc&limit=48',
    );
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(all.body.total);
    expect(body.items.every((i) => / Running Shoes,/.test(i.title))).toBe(true);
    const prices = body.items.map((i) => i.price.cents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('searches all categories', async () => {
    const { body } = await client.getJson<ListingJson>('/api/products?q=headphones');
    expect(body.q).toBe('headphones');
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]!.title).toMatch(/Headphones/);
    const none = await client.getJson<ListingJson>('/api/products?q=zzzzqqq');
    expect(none.body.total).toBe(0);
  });

  it('answers 404 JSON for an unknown category or product', async () => {
    const category = await client.getJson<{ error: string }>('/api/products?category=toys');
    expect(category).toEqual({ status: 404, body: { error: 'There is no category "toys".' } });
    const product = await client.getJson<{ error: string }>('/api/product/no-such-thing');
    expect(product.status).toBe(404);
  });

  it('describes a product with options, price notes and its first reviews', async () => {
    const listing = await client.getJson<ListingJson>('/api/products?category=clothing&limit=48');
    const withOptions = listing.body.items.find(
      (i) => i.quickAdd && Object.keys(i.quickAdd).length,
    )!;
    const { status, body } = await client.getJson<ProductJson>(
      `/api/product/${withOptions.handle}`,
    );
    expect(status).toBe(200);
    expect(body.title).toBe(withOptions.title);
    expect(body.optionGroups.length).toBeGreaterThan(0);
    for (const group of body.optionGroups) {
      expect(withOptions.quickAdd![group.key]).toBeDefined();
      for (const o of group.options) {
        expect(o.priceNote).toBe(o.priceDelta > 0 ? expect.stringMatching(/^\+\$/) : '');
      }
    }
    expect(body.reviews.page).toBe(1);
    expect(body.reviews.reviews.length).toBeLessThanOrEqual(5);
    const page2 = await client.getJson<ReviewPageJson>(
      `/api/product/${body.handle}/reviews?page=2`,
    );
    if (body.reviews.pageCount > 1) {
      expect(page2.body.page).toBe(2);
      expect(page2.body.reviews[0]!.id).not.toBe(body.reviews.reviews[0]!.id);
    }
  });
});

describe('the modern shop pages', () => {
  it('sends a skeleton shell with page data and hashed assets', async () => {
    const response = await client.get('/collections/audio');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-skeleton');
    expect(html).toContain('aria-busy="true"');
    const data = JSON.parse(
      /<script id="__NEXT_DATA__" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!,
    );
    expect(data).toEqual({
      hydrationDelayMs: 450,
      newsletterDelayMs: 2500,
      page: 'collection',
      shopName: 'Northfold',
    });
    const js = /src="(\/_next\/static\/chunks\/main-app-[0-9a-f]{16}\.js)"/.exec(html)![1]!;
    const css = /href="(\/_next\/static\/css\/[0-9a-f]{16}\.css)"/.exec(html)![1]!;
    const script = await client.get(js);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('__NEXT_DATA__');
    expect((await client.get(css)).headers.get('content-type')).toContain('text/css');
  });

  it('renders an unknown collection or product as a 404 page', async () => {
    for (const path of [
      '/collections/toys',
      '/products/nothing-here',
      '/nowhere',
      '/order/ORD-X',
    ]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain(
        '<h1 class="text-3xl font-semibold tracking-tight">Page not found</h1>',
      );
    }
  });

  it('tints a picture only with a colour the product is sold in', async () => {
    const { body } = await client.getJson<ListingJson>('/api/products?limit=1');
    const image = await client.get(`${body.items[0]!.image}?color=constructor`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).not.toContain('function');
  });

  it('survives hostile paths, methods and bodies, answering 4xx', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    for (const name of names) {
      for (const path of [
        `/static/${name}`,
        `/_next/static/chunks/${name}`,
        `/_next/static/css/${name}.css`,
        `/api/product/${name}`,
        `/collections/${name}`,
        `/products/${name}`,
        `/cdn/shop/files/${name}.svg`,
        `/api/products?category=${name}&sort=${name}`,
      ]) {
        const status = (await client.get(path)).status;
        expect(status, path).toBeGreaterThanOrEqual(400);
        expect(status, path).toBeLessThan(500);
      }
    }
    const put = await fetch(shop.url + '/api/cart', { method: 'PUT' });
    expect(put.status).toBe(405);
    const form = await fetch(shop.url + '/api/cart', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'handle=x',
    });
    expect(form.status).toBe(415);
    const bad = await client.postJson<{ error: string }>('/api/cart', undefined);
    expect(bad.status).toBe(400);
    const broken = await fetch(shop.url + '/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'The request body is not valid JSON.' });
    const proto = await client.postJson<{ error: string }>('/api/cart', {
      handle: '__proto__',
      ['__proto__']: { polluted: true },
    });
    expect(proto.status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const odd = await fetch(shop.url + '//', { method: 'GET' });
    expect(odd.status).toBeLessThan(500);
    expect((await client.get('/')).status).toBe(200);
  });
});
