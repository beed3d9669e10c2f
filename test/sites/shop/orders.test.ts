import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { defaultSelection } from '../../../sites/shop/catalog/stock.js';
import { startShop, type RunningShop, type ShopOrder } from '../../../sites/shop/server.js';
import { ShopClient, text } from './shop-client.js';

const catalog = generateCatalog(1);
/** A product with an out-of-stock option in its first group and buyable defaults. */
const mixed = catalog.products.find(
  (p) =>
    p.optionGroups.length === 2 &&
    p.optionGroups[0]!.options.some((o) => o.stock === 0) &&
    p.optionGroups.every((g) => g.options.some((o) => o.stock >= 5)),
)!;
const simple = catalog.products.find((p) => p.optionGroups.length === 0 && p.stock >= 5)!;

let shop: RunningShop;
let logFile: string;
beforeAll(async () => {
  logFile = path.join(mkdtempSync(path.join(tmpdir(), 'shop-orders-')), 'nested', 'orders.jsonl');
  shop = await startShop({ port: 0, orderLog: logFile });
});
afterAll(async () => {
  await shop.close();
});

function optionsOf(selection: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(selection).map(([k, v]) => [`opt_${k}`, v]));
}

describe('cart over HTTP', () => {
  it('rejects an out-of-stock option: redirect back, alert on the page, cart unchanged', async () => {
    const visitor = new ShopClient(shop.url);
    const out = mixed.optionGroups[0]!.options.find((o) => o.stock === 0)!;
    const selection = { ...defaultSelection(mixed)!, [mixed.optionGroups[0]!.key]: out.slug };
    const posted = await visitor.post('/cart/add', {
      product_id: mixed.id,
      ...optionsOf(selection),
      quantity: '1',
      return: `/product/${mixed.id}`,
    });
    expect(posted).toEqual({ status: 303, location: `/product/${mixed.id}` });
    const { document } = await visitor.page(`/product/${mixed.id}`);
    const alert = document.querySelector('#flash[role="alert"]')!;
    expect(alert.textContent).toContain(
      `${mixed.optionGroups[0]!.name} ${out.value} is out of stock`,
    );
    expect(text(document.querySelector('#cart_count'))).toBe('0');
    // The flash is shown once.
    expect((await visitor.page('/')).document.querySelector('#flash')).toBeNull();
  });

  it('adds, steps, sets and removes lines (POST-redirect-GET)', async () => {
    const visitor = new ShopClient(shop.url);
    const add = await visitor.post('/cart/add', {
      product_id: simple.id,
      quantity: '2',
      return: '/search?q=x',
    });
    expect(add).toEqual({ status: 303, location: '/search?q=x' });
    let cart = (await visitor.page('/cart')).document;
    const line = cart.querySelector(`li.cart-line[data-product-id="${simple.id}"]`)!;
    expect(line.id).toBe(`cart_line_${simple.id}`);
    const key = line.getAttribute('data-line-key')!;
    expect(
      (line.querySelector('input.line-quantity') as HTMLInputElement).getAttribute('value'),
    ).toBe('2');
    expect(await visitor.post('/cart/update', { line: key, op: 'inc' })).toEqual({
      status: 303,
      location: '/cart',
    });
    await visitor.post('/cart/update', { line: key, op: 'set', quantity: '4' });
    await visitor.post('/cart/update', { line: key, op: 'dec' });
    cart = (await visitor.page('/cart')).document;
    expect(text(cart.querySelector('#cart_count'))).toBe('3');
    const subtotal = (simple.price * 3) / 100;
    expect(text(cart.querySelector('#summary_subtotal'))).toBe(`$${subtotal.toFixed(2)}`);
    await visitor.post('/cart/update', { line: key, op: 'set', quantity: 'lots' });
    const flash = (await visitor.page('/cart')).document.querySelector('#flash');
    expect(text(flash)).toContain('Quantity not changed');
    await visitor.post('/cart/remove', { line: key });
    cart = (await visitor.page('/cart')).document;
    expect(cart.querySelector('#cart_empty')).not.toBeNull();
    expect(await visitor.get('/checkout').then((r) => r.headers.get('location'))).toBe('/cart');
  });
});

describe('orders', () => {
  it('places an order, logs it as JSONL and serves it at /api/orders', async () => {
    const visitor = new ShopClient(shop.url);
    await visitor.get('/?variant=b');
    const selection = defaultSelection(mixed)!;
    const buy = await visitor.post('/cart/add', {
      product_id: mixed.id,
      ...optionsOf(selection),
      quantity: '2',
      intent: 'buy',
      return: `/product/${mixed.id}`,
    });
    expect(buy).toEqual({ status: 303, location: '/checkout' });
    await visitor.post('/cart/add', { product_id: simple.id, quantity: '1', return: '/' });
    const checkout = (await visitor.page('/checkout')).document;
    const form: Record<string, string> = {};
    for (const input of checkout.querySelectorAll('#checkout_form input')) {
      form[input.getAttribute('name')!] = input.getAttribute('value')!;
    }
    expect(form.card_number).toBe('4242 4242 4242 4242');
    expect(form.card_cvc).toBe('123');
    const expectedTotal = text(checkout.querySelector('#summary_total'));

    const placed = await visitor.post('/checkout', form);
    expect(placed.status).toBe(303);
    expect(placed.location).toMatch(/^\/order\/ORD-[A-Z0-9]{8}$/);
    const orderId = placed.location!.slice('/order/'.length);
    const confirmation = (await visitor.page(placed.location!)).document;
    expect(text(confirmation.querySelector('#order_id'))).toBe(orderId);
    expect(text(confirmation.querySelector('#order_total'))).toBe(expectedTotal);
    expect(text(confirmation.querySelector('#cart_count'))).toBe('0');
    // Nobody else can open this visitor's confirmation.
    expect((await new ShopClient(shop.url).page(placed.location!)).status).toBe(404);

    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    const logged = JSON.parse(lines[lines.length - 1]!) as ShopOrder;
    const mixedUnit =
      mixed.price +
      mixed.optionGroups.reduce(
        (s, g) => s + g.options.find((o) => o.slug === selection[g.key])!.priceDelta,
        0,
      );
    expect(logged).toMatchObject({
      orderId,
      visitorId: visitor.cookies.get('shop_visitor'),
      variant: 'b',
      currency: 'USD',
      items: [
        {
          productId: mixed.id,
          title: mixed.title,
          options: Object.fromEntries(
            mixed.optionGroups.map((g) => [
              g.name,
              g.options.find((o) => o.slug === selection[g.key])!.value,
            ]),
          ),
          quantity: 2,
          unitPrice: mixedUnit / 100,
        },
        { productId: simple.id, quantity: 1, unitPrice: simple.price / 100, options: {} },
      ],
    });
    expect(`$${logged.total.toFixed(2)}`).toBe(expectedTotal!.replace(',', ''));
    expect(logged.total).toBeCloseTo(logged.subtotal + logged.shipping + logged.tax, 6);
    expect(new Date(logged.time).toISOString()).toBe(logged.time);

    const all = (await (await fetch(`${shop.url}/api/orders`)).json()) as ShopOrder[];
    expect(all.map((o) => o.orderId)).toContain(orderId);
    const mine = (await (
      await fetch(`${shop.url}/api/orders?visitor=${logged.visitorId}`)
    ).json()) as ShopOrder[];
    expect(mine).toEqual([logged]);
    const nobody = (await (
      await fetch(`${shop.url}/api/orders?visitor=v0000000000000000`)
    ).json()) as unknown[];
    expect(nobody).toEqual([]);
  });

  it('sends a bad checkout back with every problem named, and places no order', async () => {
    const visitor = new ShopClient(shop.url);
    await visitor.post('/cart/add', { product_id: simple.id, quantity: '1', return: '/' });
    const before = readFileSync(logFile, 'utf8');
    const placed = await visitor.post('/checkout', { full_name: 'A', card_number: '1111' });
    expect(placed).toEqual({ status: 303, location: '/checkout' });
    const { document } = await visitor.page('/checkout');
    const alert = text(document.querySelector('#flash[role="alert"]'));
    expect(alert).toContain('Email is required.');
    expect(alert).toContain('Card number is not valid');
    expect((document.querySelector('#full_name') as HTMLInputElement).getAttribute('value')).toBe(
      'A',
    );
    expect(readFileSync(logFile, 'utf8')).toBe(before);
  });
});
