import { describe, expect, it } from 'vitest';
import type { Catalog, Product } from '../../../sites/shop/catalog/types.js';
import { TEST_CUSTOMER } from '../../../sites/shop/pages/checkout.js';
import {
  addToCart,
  formatMoney,
  priceCart,
  removeLine,
  setQuantity,
  type CartLine,
} from '../../../sites/shop/state/cart.js';
import { luhnValid, validateCheckout } from '../../../sites/shop/state/checkout.js';

function product(id: string, price: number, extra: Partial<Product> = {}): Product {
  return {
    id,
    title: `Test product ${id}`,
    brand: 'Testco',
    brandSlug: 'testco',
    category: 'shoes',
    categoryName: 'Shoes',
    productType: 'Running Shoes',
    line: 'Line',
    price,
    listPrice: null,
    rating: 4,
    ratingCount: 10,
    reviewCount: 5,
    stock: 50,
    features: [],
    description: '',
    optionGroups: [],
    hue: 0,
    ...extra,
  };
}

const shoe = product('p0001', 4999, {
  optionGroups: [
    {
      name: 'Color',
      key: 'color',
      options: [
        { value: 'Navy', slug: 'navy', stock: 3, priceDelta: 0 },
        { value: 'Red', slug: 'red', stock: 0, priceDelta: 0 },
      ],
    },
    {
      name: 'Capacity',
      key: 'capacity',
      options: [
        { value: '1 L', slug: '1-l', stock: 40, priceDelta: 0 },
        { value: '2 L', slug: '2-l', stock: 40, priceDelta: 1000 },
      ],
    },
  ],
});
const cheap = product('p0002', 333);
const soldOut = product('p0003', 1000, { stock: 0 });
const catalog: Catalog = {
  seed: 1,
  categories: [],
  products: [shoe, cheap, soldOut],
  byId: new Map([shoe, cheap, soldOut].map((p) => [p.id, p])),
};

describe('cart rules', () => {
  it('rejects an out-of-stock option with a clear message', () => {
    const cart: CartLine[] = [];
    const result = addToCart(cart, shoe, { color: 'red', capacity: '1-l' }, 1);
    expect(result).toEqual({
      ok: false,
      message: 'Color Red is out of stock. Please choose another color.',
    });
    expect(cart).toHaveLength(0);
    expect(addToCart(cart, soldOut, {}, 1)).toMatchObject({ ok: false, message: /out of stock/ });
  });

  it('requires every option group and known values', () => {
    expect(addToCart([], shoe, { color: 'navy' }, 1)).toMatchObject({
      ok: false,
      message: 'Please choose a capacity.',
    });
    expect(addToCart([], shoe, { color: 'teal', capacity: '1-l' }, 1)).toMatchObject({
      ok: false,
      message: /not offered.*Navy, Red/,
    });
  });

  it('merges equal choices into one line and caps quantity at the stock', () => {
    const cart: CartLine[] = [];
    expect(addToCart(cart, shoe, { color: 'navy', capacity: '1-l' }, 2).ok).toBe(true);
    expect(addToCart(cart, shoe, { capacity: '1-l', color: 'navy' }, 1).ok).toBe(true);
    expect(cart).toHaveLength(1);
    expect(cart[0]!.quantity).toBe(3);
    const more = addToCart(cart, shoe, { color: 'navy', capacity: '1-l' }, 1);
    expect(more).toMatchObject({ ok: false, message: /Only 3 left.*already holds 3/ });
    expect(addToCart(cart, shoe, { color: 'navy', capacity: '2-l' }, 1).ok).toBe(true);
    expect(cart).toHaveLength(2);
    expect(addToCart(cart, cheap, {}, 11)).toMatchObject({ ok: false, message: /At most 10/ });
    expect(addToCart(cart, cheap, {}, 0)).toMatchObject({ ok: false });
  });

  it('changes quantities, removes at zero and by key', () => {
    const cart: CartLine[] = [];
    addToCart(cart, cheap, {}, 1);
    addToCart(cart, shoe, { color: 'navy', capacity: '1-l' }, 1);
    const key = cart[0]!.key;
    expect(setQuantity(cart, catalog, key, 7).ok).toBe(true);
    expect(cart[0]!.quantity).toBe(7);
    expect(setQuantity(cart, catalog, cart[1]!.key, 4)).toMatchObject({ ok: false });
    expect(setQuantity(cart, catalog, key, -1)).toMatchObject({ ok: false });
    expect(setQuantity(cart, catalog, key, 0).ok).toBe(true);
    expect(cart.map((l) => l.productId)).toEqual(['p0001']);
    expect(removeLine(cart, cart[0]!.key)).toBe(true);
    expect(removeLine(cart, 'nope')).toBe(false);
    expect(cart).toHaveLength(0);
  });
});

describe('cart totals', () => {
  it('prices options, sums lines, adds shipping below $35 and tax rounded half up', () => {
    const cart: CartLine[] = [];
    addToCart(cart, cheap, {}, 3); // 3 x $3.33 = $9.99
    let totals = priceCart(cart, catalog);
    expect(totals.subtotal).toBe(999);
    expect(totals.shipping).toBe(599);
    expect(totals.tax).toBe(82); // 999 * 8.25% = 82.4175
    expect(totals.total).toBe(999 + 599 + 82);

    addToCart(cart, shoe, { color: 'navy', capacity: '2-l' }, 2); // 2 x $59.99
    totals = priceCart(cart, catalog);
    expect(totals.lines[1]!.unitPrice).toBe(5999);
    expect(totals.lines[1]!.options).toEqual({ Color: 'Navy', Capacity: '2 L' });
    expect(totals.lines[1]!.choice).toBe('Color: Navy, Capacity: 2 L');
    expect(totals.itemCount).toBe(5);
    expect(totals.subtotal).toBe(999 + 11998);
    expect(totals.shipping).toBe(0);
    expect(totals.tax).toBe(1072); // 12997 * 0.0825 = 1072.2525
    expect(totals.total).toBe(12997 + 1072);
  });

  it('rounds an exact half cent of tax up', () => {
    const cart: CartLine[] = [];
    addToCart(cart, product('p0009', 200), {}, 1); // 200 * 0.0825 = 16.5
    catalog.byId.set('p0009', product('p0009', 200));
    expect(priceCart(cart, catalog).tax).toBe(17);
    expect(priceCart([], catalog)).toMatchObject({ subtotal: 0, shipping: 0, tax: 0, total: 0 });
    expect(formatMoney(123456)).toBe('$1,234.56');
  });
});

describe('checkout form', () => {
  const good = new URLSearchParams(TEST_CUSTOMER);

  it('accepts the prefilled test customer', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(validateCheckout(good, new Date('2026-01-01')).errors).toEqual([]);
  });

  it('names every bad field', () => {
    const bad = new URLSearchParams(good);
    bad.set('city', ' ');
    bad.set('email', 'nope');
    bad.set('card_number', '1234 5678 9012 3456');
    bad.set('card_expiry', '01/20');
    bad.set('card_cvc', '12');
    expect(validateCheckout(bad, new Date('2026-01-01')).errors).toEqual([
      'City is required.',
      'Email must look like name@example.com.',
      'Card number is not valid; check the digits.',
      'The card has expired; use another card.',
      'Security code must be 3 or 4 digits.',
    ]);
  });
});
