import { describe, expect, it } from 'vitest';
import { isOrderConfirmation, orderIdFromUrl } from '../../src/session/purchase.js';

const page = (url: string, html: string, title = 'Shop') => ({ url, title, html, elements: [] });

describe('isOrderConfirmation', () => {
  it('knows confirmation pages by URL, by title, or by an <h1>', () => {
    expect(isOrderConfirmation(page('http://s.test/order/ORD-12', ''))).toBe(true);
    expect(isOrderConfirmation(page('http://s.test/checkout/success', ''))).toBe(true);
    expect(isOrderConfirmation(page('http://s.test/x', '', 'Thank you for your order'))).toBe(true);
    expect(
      isOrderConfirmation(
        page('http://s.test/x', '<main><h1 class="big">Order <b>confirmed</b></h1></main>'),
      ),
    ).toBe(true);
  });

  it('is not fooled by the words outside an <h1>, or by an unclosed heading elsewhere', () => {
    expect(
      isOrderConfirmation(page('http://s.test/cart', '<p>Order confirmed emails go out fast</p>')),
    ).toBe(false);
    expect(
      isOrderConfirmation(page('http://s.test/cart', '<h1>Your cart</h1><p>order placed</p>')),
    ).toBe(false);
  });

  it('reads the order id from /order/<id>', () => {
    expect(orderIdFromUrl('http://s.test/order/ORD-12')).toBe('ORD-12');
    expect(orderIdFromUrl('http://s.test/cart')).toBeNull();
  });
});
