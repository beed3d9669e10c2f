import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { startShop, type RunningShop } from '../../../sites/shop/server.js';
import { UsageError } from '../../../src/errors.js';
import { ShopClient, text } from './shop-client.js';

const catalog = generateCatalog(1);
/** A product with many written reviews and both option groups, for the product page checks. */
const reviewed = catalog.products.find((p) => p.reviewCount >= 30 && p.optionGroups.length >= 2)!;

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({ port: 0 });
});
afterAll(async () => {
  await shop.close();
});

describe('startShop', () => {
  it('answers lookups of inherited property names with 404 and keeps serving', async () => {
    for (const name of ['constructor', 'tostring', 'hasownproperty']) {
      expect((await fetch(`${shop.url}/static/${name}`)).status).toBe(404);
    }
    expect((await fetch(`${shop.url}/static/constructor`)).status).toBe(404);
    expect((await fetch(shop.url + '/')).status).toBe(200);
  });

  it('listens on a free port of 127.0.0.1 and closes cleanly', async () => {
    const other = await startShop({ port: 0, seed: 5 });
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(other.url).toBe(`http://127.0.0.1:${other.port}`);
    expect(other.orderLogPath).toMatch(/orders\.jsonl$/);
    expect((await fetch(other.url + '/')).status).toBe(200);
    await other.close();
    await expect(fetch(other.url + '/')).rejects.toThrow();
  });

  it('reports a taken port as a usage error naming the port and --port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = startShop({ port });
      await expect(attempt).rejects.toThrow(UsageError);
      await expect(attempt).rejects.toThrow(`port ${port} is in use; choose another with --port`);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad variant, seed or port', async () => {
    await expect(startShop({ variant: 'c' as 'a' })).rejects.toThrow(
      /unknown variant "c"; use one of a, b, buy-below, long-checkout, late-shipping, no-product-search, faint-cta/,
    );
    await expect(startShop({ seed: 1.5 })).rejects.toThrow(/seed 1.5 is not valid/);
    await expect(startShop({ port: 70000 })).rejects.toThrow(/port 70000 is not valid/);
  });
});

describe('pages and markup', () => {
  it('serves every page with the shared landmarks and ids', async () => {
    const visitor = new ShopClient(shop.url);
    for (const path of [
      '/',
      '/search?q=shoes',
      '/category/kitchen',
      `/product/${reviewed.id}`,
      '/cart',
    ]) {
      const { status, document } = await visitor.page(path);
      expect(status, path).toBe(200);
      for (const id of [
        'site_header',
        'search_form',
        'search_input',
        'search_button',
        'cart_link',
        'nav_bar',
        'main',
        'site_footer',
      ]) {
        expect(document.getElementById(id), `${path} #${id}`).not.toBeNull();
      }
      expect(document.querySelector('#search_form')!.getAttribute('role')).toBe('search');
      expect(document.querySelector('label[for="search_input"]')).not.toBeNull();
    }
  });

  it('renders 48 result cards with title links and add-to-cart forms', async () => {
    const { document } = await new ShopClient(shop.url).page('/search?q=shoes');
    const cards = [...document.querySelectorAll('#search_results > li.product-card')];
    expect(cards).toHaveLength(48);
    for (const card of cards) {
      const id = card.getAttribute('data-product-id')!;
      expect(id).toMatch(/^p\d{4}$/);
      expect(card.querySelector('a.title-link')!.getAttribute('href')).toBe(`/product/${id}`);
      const form = card.querySelector('form.add-to-cart-form')!;
      expect(form.getAttribute('action')).toBe('/cart/add');
      expect(form.querySelector('input[name="product_id"]')!.getAttribute('value')).toBe(id);
      expect(text(form.querySelector('button.add-to-cart'))).toBe('Add to cart');
    }
    expect(document.querySelector('#pagination a#page_next')!.getAttribute('href')).toBe(
      '/search?q=shoes&page=2',
    );
    expect(text(document.querySelector('#result_count'))).toMatch(/^1-48 of \d+ results$/);
    const page2 = await new ShopClient(shop.url).page('/search?q=shoes&page=2');
    expect(page2.document.querySelectorAll('#search_results > li').length).toBeGreaterThan(0);
  });

  it('shows the product form with option fieldsets, disabled out-of-stock options and reviews', async () => {
    const { document } = await new ShopClient(shop.url).page(`/product/${reviewed.id}`);
    expect(text(document.querySelector('#product_title'))).toBe(reviewed.title);
    for (const group of reviewed.optionGroups) {
      const fieldset = document.getElementById(`option_${group.key}`)!;
      expect(text(fieldset.querySelector('legend'))).toBe(group.name);
      for (const option of group.options) {
        const input = fieldset.querySelector(`input[value="${option.slug}"]`)!;
        expect(input.hasAttribute('disabled')).toBe(option.stock === 0);
      }
      expect(fieldset.querySelectorAll('input:checked')).toHaveLength(1);
    }
    expect(document.querySelectorAll('#review_list article.review')).toHaveLength(10);
    expect(document.querySelector('#reviews_next')!.getAttribute('href')).toBe(
      `/product/${reviewed.id}?reviews_page=2#reviews`,
    );
    const page2 = await new ShopClient(shop.url).page(`/product/${reviewed.id}?reviews_page=2`);
    expect(text(page2.document.querySelector('#review_pagination p'))).toBe(
      `Reviews 11-20 of ${reviewed.reviewCount}`,
    );
    const fragment = await new ShopClient(shop.url).page(`/product/${reviewed.id}/reviews?page=3`);
    expect(fragment.html).not.toContain('<html');
    expect(fragment.document.querySelector('#review_list')!.getAttribute('data-page')).toBe('3');
  });

  it('keeps names stable: static container labels, product ids only on list items', async () => {
    const visitor = new ShopClient(shop.url);
    const results = (await visitor.page('/search?q=shoes')).document;
    const product = (await visitor.page(`/product/${reviewed.id}`)).document;
    for (const doc of [results, product]) {
      // A container labelled by a heading would take the query or product title into its name.
      expect(doc.querySelectorAll('main [aria-labelledby]')).toHaveLength(0);
    }
    expect(product.querySelectorAll('[data-product-id]')).toHaveLength(0);
    expect(results.querySelectorAll('[data-product-id]:not(li)')).toHaveLength(0);
    // An option's label is its value alone; "out of stock" comes from CSS and the disabled state.
    for (const group of reviewed.optionGroups) {
      const labels = product.querySelectorAll(`#option_${group.key} label`);
      expect([...labels].map((l) => text(l))).toEqual(group.options.map((o) => o.value));
    }
    expect(product.querySelector('#buy_box')!.tagName).toBe('DIV');
  });

  it('serves local SVG images and the page script, and a 404 page for unknown products', async () => {
    const image = await fetch(`${shop.url}/images/${reviewed.id}.svg?color=navy`);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toContain('#1f2f57');
    expect((await fetch(`${shop.url}/static/shop.js`)).status).toBe(200);
    const missing = await new ShopClient(shop.url).page('/product/p9999');
    expect(missing.status).toBe(404);
    expect(text(missing.document.querySelector('h1'))).toBe('Page not found');
  });
});
