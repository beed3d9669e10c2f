import { describe, expect, it } from 'vitest';
import { echoesName, hrefInName } from '../../src/observe/name-echo.js';

describe('name echoes', () => {
  it('a label that slugs to the last name part (suffix or _input aside) adds nothing', () => {
    expect(echoesName('Black Friday', 'nav.black_friday')).toBe(true);
    expect(echoesName('Sign in', 'nav.sign_in_2')).toBe(true);
    expect(echoesName('Email', 'form.email_input')).toBe(true);
    expect(echoesName('Size 8', 'product_form.size.8')).toBe(false);
    expect(echoesName('8', 'product_form.size.8')).toBe(true);
  });

  it('prices, counts, other words and long labels cut in the name are news', () => {
    expect(echoesName('Add to cart – $19.99', 'product_form.add_to_cart')).toBe(false);
    expect(echoesName('Cart (3)', 'header.cart')).toBe(false);
    expect(echoesName('Accept', 'banner.accept_privacy_terms')).toBe(false);
    expect(echoesName('x'.repeat(40), `n.${'x'.repeat(32)}`)).toBe(false);
    expect(echoesName('', 'n.link')).toBe(false);
  });

  it('a link target is in the name when a name part is its key', () => {
    expect(hrefInName('/p/djungelskog-panda', 'carousel.djungelskog_panda.image_link', 'https://s.test/')).toBe(true); // prettier-ignore
    expect(hrefInName('/wish-list', 'header.wish_list_2', 'https://s.test/')).toBe(true);
    expect(hrefInName('/', 'header.link', 'https://s.test/')).toBe(false);
    expect(hrefInName(null, 'header.link', 'https://s.test/')).toBe(false);
  });
});
