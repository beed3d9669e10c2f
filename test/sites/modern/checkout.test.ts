import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';
import {
  startModernShop,
  type ModernOrder,
  type RunningModernShop,
} from '../../../sites/modern/server.js';
import type { CartJson } from '../../../sites/modern/types.js';
import { ModernClient } from './modern-client.js';

const data = buildModernCatalog(1);
const plain = data.catalog.products.find((p) => p.optionGroups.length === 0 && p.stock >= 2)!;
const FORM = {
  email: 'ann@example.com',
  fullName: 'Ann Lee',
  address1: '1 Main St',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
  shippingMethod: 'express',
  cardNumber: '4242 4242 4242 4242',
  cardExpiry: '12 / 49',
  cardCvc: '123',
};
type CheckoutAnswer = {
  orderId?: string;
  url?: string;
  message?: string;
  errors?: Record<string, string>;
};

let shop: RunningModernShop;
let orderLog: string;
beforeAll(async () => {
  orderLog = path.join(mkdtempSync(path.join(tmpdir(), 'modern-checkout-')), 'orders.jsonl');
  shop = await startModernShop({ port: 0, apiLatencyMs: 0, orderLog });
});
afterAll(async () => {
  await shop?.close();
});

async function visitorWithCart(): Promise<ModernClient> {
  const client = new ModernClient(shop.url);
  const added = await client.postJson('/api/cart', {
    handle: data.handleOf.get(plain.id),
    quantity: 2,
  });
  expect(added.status).toBe(200);
  return client;
}

describe('the modern shop checkout (server side)', () => {
  it('refuses to check out an empty cart', async () => {
    const answer = await new ModernClient(shop.url).postJson<CheckoutAnswer>('/api/checkout', FORM);
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe('Your cart is empty; add something before placing an order.');
  });

  it('names every empty required field, and logs nothing', async () => {
    const client = await visitorWithCart();
    const answer = await client.postJson<CheckoutAnswer>('/api/checkout', {});
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('Please check the highlighted fields.');
    expect(Object.keys(answer.body.errors!)).toHaveLength(10);
    expect(answer.body.errors!.cardNumber).toBe('Enter a card number');
    expect(readFileSync(orderLog, 'utf8')).toBe('');
  });

  it('declines a card other than the test card', async () => {
    const client = await visitorWithCart();
    const answer = await client.postJson<CheckoutAnswer>('/api/checkout', {
      ...FORM,
      cardNumber: '5555 5555 5555 4444',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({ cardNumber: answer.body.message });
    expect(answer.body.message).toMatch(/^Your card was declined\./);
  });

  it('places an order with the test card: logged, listed, confirmed, cart emptied', async () => {
    const client = await visitorWithCart();
    const answer = await client.postJson<CheckoutAnswer>('/api/checkout', FORM);
    expect(answer.status).toBe(200);
    const orderId = answer.body.orderId!;
    expect(orderId).toMatch(/^ORD-[A-Z0-9]{8}$/);
    expect(answer.body.url).toBe(`/order/${orderId}`);

    const logged = readFileSync(orderLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ModernOrder);
    const order = logged.find((o) => o.orderId === orderId)!;
    const visitorId = client.cookies.get('_nf_session')!;
    expect(order).toMatchObject({
      visitorId,
      site: 'modern',
      shippingMethod: 'express',
      country: 'US',
      shipping: 14.99,
      currency: 'USD',
      items: [{ productId: plain.id, title: plain.title, quantity: 2, options: {} }],
    });
    expect(order.subtotal).toBe((plain.price * 2) / 100);
    expect(order.total).toBeCloseTo(order.subtotal + order.shipping + order.tax, 2);
    expect(JSON.stringify(order)).not.toMatch(/ann@example\.com|4242|Ann Lee/);

    const listed = await client.getJson<ModernOrder[]>('/api/orders');
    expect(listed.body.map((o) => o.orderId)).toContain(orderId);
    const mine = await client.getJson<ModernOrder[]>(`/api/orders?visitor=${visitorId}`);
    expect(mine.body.map((o) => o.orderId)).toEqual([orderId]);

    const page = await client.get(`/order/${orderId}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/<h1[^>]*>Order confirmed<\/h1>/);
    expect(html).toContain('Thank you for your order, Ann.');
    expect((await new ModernClient(shop.url).get(`/order/${orderId}`)).status).toBe(404);
    expect((await client.getJson<CartJson>('/api/cart')).body.lines).toEqual([]);
  });
});
