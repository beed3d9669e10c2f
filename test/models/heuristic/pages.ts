import { observeFixture } from './helpers.js';

/** The checked-in shop pages (test/fixtures/heuristic), observed at the URLs the tests use. */
export const HOME = observeFixture('home.html', 'http://shop.test/');
export const RESULTS = observeFixture(
  'results.html',
  'http://shop.test/search?q=trail+running+shoes',
);
export const PRODUCT = observeFixture('product.html', 'http://shop.test/product/cascade-trail');
export const CART = observeFixture('cart.html', 'http://shop.test/cart');
export const CHECKOUT = observeFixture('checkout.html', 'http://shop.test/checkout');
export const DONE = observeFixture('confirmation.html', 'http://shop.test/order/TH-10442');
/** A shop built differently from the mock shop: placeholder-only search, newsletter form. */
export const UNKNOWN = observeFixture('unknown-shop.html', 'https://maison.example/');
/** That kind of shop's product page: size select, related products with their own buttons. */
export const UNKNOWN_PRODUCT = observeFixture(
  'unknown-product.html',
  'https://fjord.example/shop/harbour-knit-jumper/',
);
