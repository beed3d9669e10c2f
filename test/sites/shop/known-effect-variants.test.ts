import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { startShop, type RunningShop } from '../../../sites/shop/server.js';
import { BILLING_FIELDS } from '../../../sites/shop/state/billing.js';
import { FREE_SHIPPING_FROM } from '../../../sites/shop/state/cart.js';
import { ShopClient } from './shop-client.js';

const catalog = generateCatalog(1);
/** A product with no options and a price under the free-shipping threshold: the cart pays shipping. */
const cheap = catalog.products.find(
  (p) => p.optionGroups.length === 0 && p.price < FREE_SHIPPING_FROM && p.stock > 0,
)!;

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({ port: 0 });
});
afterAll(async () => {
  await shop.close();
});

async function visitorWithCart(variant: string): Promise<ShopClient> {
  const visitor = new ShopClient(shop.url);
  await visitor.get(`/?variant=${variant}`);
  await visitor.post('/cart/add', { product_id: cheap.id, quantity: '1', return: '/' });
  return visitor;
}

/** Every input of the checkout form with the value the page gives it. */
function formValues(doc: Document): Record<string, string> {
  const form: Record<string, string> = {};
  for (const input of doc.querySelectorAll('#checkout_form input'))
    form[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  return form;
}

describe('known-effect variants', () => {
  it('buy-below puts the product story before the buy box in one column', async () => {
    const a = (await new ShopClient(shop.url).page(`/product/${cheap.id}?variant=a`)).document;
    const below = (await new ShopClient(shop.url).page(`/product/${cheap.id}?variant=buy-below`))
      .document;
    expect(a.querySelector('#product_story')).toBeNull();
    expect(below.querySelector('.product-layout.stacked #product_story')).not.toBeNull();
    const order = [...below.querySelectorAll('#product_story, #buy_box')].map((e) => e.id);
    expect(order).toEqual(['product_story', 'buy_box']);
  });

  it('no-product-search drops the search box on product pages only', async () => {
    const visitor = new ShopClient(shop.url);
    const product = (await visitor.page(`/product/${cheap.id}?variant=no-product-search`)).document;
    expect(product.querySelector('#search_form')).toBeNull();
    expect((await visitor.page('/')).document.querySelector('#search_form')).not.toBeNull();
    expect((await visitor.page('/cart')).document.querySelector('#search_form')).not.toBeNull();
  });

  it('late-shipping hides the shipping cost in the cart and shows it at checkout', async () => {
    const control = await visitorWithCart('a');
    expect((await control.page('/cart')).document.querySelector('#summary_shipping')!.textContent)
      .toMatch(/^\s*\$\d+\.\d\d\s*$/); // prettier-ignore
    const late = await visitorWithCart('late-shipping');
    const cart = (await late.page('/cart')).document;
    expect(cart.querySelector('#summary_shipping')!.textContent).toMatch(/Calculated at checkout/);
    expect(cart.querySelector('.free-shipping-hint')).toBeNull();
    const checkout = (await late.page('/checkout')).document;
    expect(checkout.querySelector('#summary_shipping')!.textContent).toMatch(/\$\d+\.\d\d/);
  });

  it('long-checkout asks eight more required fields and refuses an order without them', async () => {
    const visitor = await visitorWithCart('long-checkout');
    const doc = (await visitor.page('/checkout')).document;
    const extra = [...doc.querySelectorAll('#billing input[required]')];
    expect(extra.map((e) => e.getAttribute('name'))).toEqual(BILLING_FIELDS.map((f) => f.name));
    expect(extra.every((e) => (e.getAttribute('value') ?? '') === '')).toBe(true);

    const refused = await visitor.post('/checkout', formValues(doc));
    expect(refused.location).toBe('/checkout');
    const flash = (await visitor.page('/checkout')).document.querySelector('#flash')!.textContent;
    expect(flash).toMatch(/Billing city is required/);

    const filled = formValues(doc);
    for (const f of BILLING_FIELDS) filled[f.name] = f.name === 'confirm_email' ? 'x@y.z' : 'X';
    const mismatch = await visitor.post('/checkout', filled);
    expect(mismatch.location).toBe('/checkout');
    filled.confirm_email = filled.email!;
    const placed = await visitor.post('/checkout', filled);
    expect(placed.location).toMatch(/^\/order\/ORD-/);
  });
});
