import { describe, expect, it } from 'vitest';
import { isMachineKey } from '../../src/observe/items.js';
import { slugify, stripVolatile } from '../../src/observe/slug.js';
import { createStaticEnv, type DomEnv } from '../../src/observe/visibility.js';
import { namesOf } from './dom.js';

/** The static env, plus `sr-only` boxes hidden as the browser env hides 1px clipped boxes. */
const statics = createStaticEnv();
const env: DomEnv = {
  isVisible: (el) => !el.classList.contains('sr-only') && statics.isVisible(el),
  isPointer: (el) => statics.isPointer(el),
};
const names = (html: string): string[] => namesOf(html, { env });
const icon = '<svg viewBox="0 0 24 24"><path d="M0 0h24"/></svg>';

describe('visually hidden labels name icon buttons', () => {
  it('reads sr-only text, aria-label, title and alt of icon buttons', () => {
    expect(
      names(`<button>${icon}<span class="sr-only">Open search</span></button>
        <button aria-label="Close dialog">${icon}</button>
        <button title="Share">${icon}</button>
        <a href="/wishlist"><img alt="Wishlist" src="/h.svg"></a>`),
    ).toEqual(['open_search', 'close_dialog', 'share', 'wishlist']);
  });

  it('names quantity steppers and a dialog close button by their hidden text', () => {
    expect(
      names(`<div role="dialog" aria-labelledby="t"><h2 id="t">Your cart</h2>
        <button>${icon}<span class="sr-only">Close cart</span></button>
        <button>${icon}<span class="sr-only">Decrease quantity</span></button>
        <button>${icon}<span class="sr-only">Increase quantity</span></button></div>`),
    ).toEqual([
      'your_cart.close_cart',
      'your_cart.decrease_quantity',
      'your_cart.increase_quantity',
    ]);
  });

  it('does not read text hidden from screen readers too', () => {
    expect(
      names(`<button>${icon}<span hidden>Secret</span><span aria-hidden="true">Ghost</span>
        <span style="display: none">None</span><span class="sr-only">Menu</span></button>`),
    ).toEqual(['menu']);
  });

  it('reads a visually hidden <label> inside the label element', () => {
    expect(
      names(`<label><span class="sr-only">Email address</span><input type="email"></label>`),
    ).toEqual(['email_address_input']);
  });
});

describe('names stay the same across page states', () => {
  const cart = (n: number) =>
    `<header><button>${icon}<span data-cart-count>${n}</span><span class="sr-only">items in cart, view bag</span></button>
     <a href="/cart">Cart <span class="cart-badge">${n}</span></a></header>`;

  it('leaves cart count badges out of names', () => {
    expect(names(cart(0))).toEqual(['header.items_in_cart_view_bag', 'header.cart']);
    expect(names(cart(3))).toEqual(names(cart(0)));
  });

  it('leaves an item count out of a dialog scope', () => {
    const drawer = (n: number) =>
      `<div role="dialog" aria-labelledby="h"><h2 id="h">Your cart <span>(${n})</span></h2><a href="/checkout">Checkout</a></div>`;
    expect(names(drawer(1))).toEqual(['your_cart.checkout']);
    expect(names(drawer(2))).toEqual(['your_cart.checkout']);
  });

  it('names a custom select by its label, not by the current choice', () => {
    const select = (shown: string) =>
      `<span id="l">Size</span><button id="base-ui-:r3:" aria-haspopup="listbox" aria-labelledby="l base-ui-:r3:"><span>${shown}</span></button>`;
    expect(names(select('Select size'))).toEqual(['size']);
    expect(names(select('M'))).toEqual(['size']);
  });

  it('leaves availability states out of option names', () => {
    expect(
      names(`<ul role="listbox" aria-label="Color">
        <li role="option">Black</li>
        <li role="option" aria-disabled="true"><span>Burgundy</span><span>Sold out</span></li>
        <li role="option">Navy (Out of stock)</li></ul>`),
    ).toEqual(['color.black', 'color.burgundy', 'color.navy']);
  });
});

describe('prices and generated keys', () => {
  it('drops prices but keeps digits of the text', () => {
    expect(slugify(stripVolatile('Hardcover Notebook A5 $9.00'))).toBe('hardcover_notebook_a5');
    expect(slugify(stripVolatile('Jacke 204,71 €'))).toBe('jacke');
    expect(slugify(stripVolatile('Pack of 2 $5'))).toBe('pack_of_2');
    expect(slugify(stripVolatile('Size 10'))).toBe('size_10');
  });

  it('drops "Free" where a price stands, keeps it where it is a word of the label', () => {
    expect(
      names(`<fieldset><legend>Shipping method</legend>
        <label><input type="radio" name="m" value="standard"><span>Standard</span> <span>· 3–5 business days</span> <span>Free</span></label>
        <label><input type="radio" name="m" value="express"><span>Express</span> <span>· 1–2 business days</span> <span>$14.99</span></label></fieldset>
        <label><input type="checkbox"> Free shipping</label><label><input type="checkbox"> Gluten free</label>`),
    ).toEqual([
      'shipping_method.standard_3_5_business_days',
      'shipping_method.express_1_2_business_days',
      'free_shipping',
      'gluten_free',
    ]);
  });

  it('never names by generated ids or hash-like classes', () => {
    expect(
      names(`<div id=":r6:"><button>Save</button></div><div id="base-ui-:r9:"><button>Go</button></div>
        <div id="radix-4"><button>Open</button></div><div class="css-1q2w3e4 sc-a1b2c3"><button>Buy</button></div>`),
    ).toEqual(['save', 'go', 'open', 'buy']);
  });

  it('does not key a cart line by a machine key, but keeps catalog ids', () => {
    expect(isMachineKey('p0095_color_white_size_m')).toBe(true);
    expect(isMachineKey('9f86d081884c7d65')).toBe(true);
    expect(isMachineKey('0042')).toBe(false);
    expect(isMachineKey('B07FW264WL')).toBe(false);
    expect(isMachineKey('p0042|size=s')).toBe(false);
    expect(
      names(
        `<ul><li data-line-key="p0095_color_white_size_m"><a href="/products/oxford-shirt">Oxford shirt</a><button>Remove</button></li></ul>`,
      ),
    ).toEqual(['oxford_shirt.title_link', 'oxford_shirt.remove']);
  });
});
