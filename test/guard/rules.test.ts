import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { OriginPolicy, parseOriginPattern } from '../../src/guard/origins.js';
import {
  isFinalOrderButton,
  isLoopbackHost,
  OrderGuard,
  parseOrderHost,
} from '../../src/guard/orders.js';
import type { Observation, ObservedElement } from '../../src/observe/observation.js';

describe('the origin rule', () => {
  it('allows the start origin, its landing origin and the patterns, nothing else', () => {
    const policy = new OriginPolicy('http://127.0.0.1:4000/start', [
      'https://*.example.com',
      'https://pay.other.org',
    ]);
    expect(policy.allows('http://127.0.0.1:4000/cart')).toBe(true);
    expect(policy.allows('http://127.0.0.1:4001/')).toBe(false); // another port, another origin
    expect(policy.allows('http://localhost:4000/')).toBe(false); // loopback allows only itself
    expect(policy.allows('https://a.example.com/x')).toBe(true);
    expect(policy.allows('https://a.b.example.com/')).toBe(true);
    expect(policy.allows('https://example.com/')).toBe(false);
    expect(policy.allows('http://a.example.com/')).toBe(false);
    expect(policy.allows('https://pay.other.org:443/')).toBe(true);
    expect(policy.allows('https://evil.other.org/')).toBe(false);
    expect(policy.allows('about:blank')).toBe(true);
    policy.addOrigin('https://www.shop.test/');
    expect(policy.allows('https://www.shop.test/p')).toBe(true);
    expect(policy.blockedMessage('https://x.test/a', 'navigation')).toBe(
      'blocked: navigation to https://x.test/a leaves the allowed origins (http://127.0.0.1:4000, ' +
        'https://www.shop.test, https://*.example.com, https://pay.other.org); stay on this site, ' +
        'or pass --allow-origin https://x.test to allow it.',
    );
  });

  it('rejects patterns that are not origins, saying what to write', () => {
    for (const bad of ['example.com', 'https://example.com/path', 'https://*', 'ftp://x.org']) {
      expect(() => parseOriginPattern(bad)).toThrow(UsageError);
    }
    expect(() => parseOriginPattern('example.com')).toThrow(
      /--allow-origin "example.com": it has no http:\/\/ or https:\/\/ scheme; give an origin like/,
    );
  });
});

const el = (name: string, text: string, kind: ObservedElement['kind'] = 'button') =>
  ({
    name,
    text,
    kind,
    tag: 'button',
    href: null,
    value: null,
    checked: null,
    disabled: false,
    inputType: null,
  }) as ObservedElement;
const page = (url: string, title: string, elements: ObservedElement[] = []): Observation => ({
  url,
  title,
  html: '',
  elements,
});

describe('the order rule', () => {
  it('knows the final order button by its words, "buy now" only on a checkout page', () => {
    const product = page('https://shop.test/p/1', 'Trail shoe');
    const checkout = page('https://shop.test/checkout', 'Checkout');
    expect(isFinalOrderButton(el('checkout_form.place_order', 'Place order'), product)).toBe(true);
    expect(isFinalOrderButton(el('x.submit', 'Complete purchase'), product)).toBe(true);
    expect(isFinalOrderButton(el('x.pay_now', ''), product)).toBe(true);
    expect(isFinalOrderButton(el('buy_box.buy_now', 'Buy now'), product)).toBe(false);
    expect(isFinalOrderButton(el('buy_box.buy_now', 'Buy now'), checkout)).toBe(true);
    expect(isFinalOrderButton(el('x.pay', 'Pay $42.00'), checkout)).toBe(true);
    expect(isFinalOrderButton(el('x.edit_cart', 'Edit cart', 'link'), checkout)).toBe(false);
    const cardPage = page('https://shop.test/step/3', 'Almost there', [
      el('pay.card_number_input', 'Card number', 'text_input'),
    ]);
    expect(isFinalOrderButton(el('x.buy', 'Buy now'), cardPage)).toBe(true);
    expect(isFinalOrderButton(el('x.place_order', 'Place order', 'text_input'), checkout)).toBe(
      false,
    );
  });

  it('places orders only on loopback and named hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'app.localhost', '[::1]', '::1']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    expect(isLoopbackHost('shop.example')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    const guard = new OrderGuard(['Staging.Example.com:8443']);
    expect(guard.allowsOrdersAt('http://[::1]:3000/checkout')).toBe(true);
    expect(guard.allowsOrdersAt('https://staging.example.com/checkout')).toBe(true);
    expect(guard.allowsOrdersAt('https://www.example.com/checkout')).toBe(false);
    const checkout = page('https://www.example.com/checkout', 'Checkout', [
      el('f.place_order', 'Place order'),
    ]);
    expect(guard.stopReason(checkout, { type: 'click', name: 'f.place_order' })).toMatch(
      /^not placed \(live-site guard\): f\.place_order \("Place order"\) would place an order on www\.example\.com/,
    );
    expect(guard.stopReason(checkout, { type: 'terminate' })).toBeNull();
    expect(() => parseOrderHost('https://shop.example/')).toThrow(/no scheme, no path/);
  });
});
