import { describe, expect, it } from 'vitest';
import { shortHref } from '../../src/observe/values.js';

const short = (href: string): string | null =>
  shortHref(href, 'https://shop.test/p/1', 'https://shop.test');

describe('shortHref', () => {
  it('keeps the words of a path: parameters in the path and record ids go', () => {
    expect(
      short('https://www.amazon.it/gp/slredirect/picassoRedirect.html/ref=sspa_dk_detail_3'),
    ).toBe('www.amazon.it/gp/slredirect/picassoRedirect.html');
    expect(short('/itm/Rose-teddy-bear-rainbow-2020/174448426465')).toBe(
      '/itm/Rose-teddy-bear-rainbow-2020',
    );
    expect(short('/product-reviews/B07FW264WL/ref=acr_dp_hist_1?ie=UTF8')).toBe('/product-reviews');
    expect(short('/cart;jsessionid=A1B2C3')).toBe('/');
    expect(short('/outfits/sJwEB3QnT9u/')).toBe('/outfits/');
    // words with digits in them are kept: sizes, models, years
    expect(short('/c/tv-55-inch/2024')).toBe('/c/tv-55-inch/2024');
  });

  it('keeps a short query without tracking, drops anchors and scripts, caps the length', () => {
    expect(short('/search?q=mug&utm_source=x')).toBe('/search?q=mug');
    expect(short('#reviews')).toBeNull();
    expect(short('javascript:void(0)')).toBeNull();
    expect(short('mailto:help@shop.test')).toBe('mailto:help@shop.test');
    const long = short(`/${'word-'.repeat(30)}end`)!;
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});
