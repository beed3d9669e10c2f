import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { SearchEngine } from '../../../sites/shop/search/engine.js';
import { emptyQuery, parseSearchParams, searchUrl } from '../../../sites/shop/search/query.js';
import { stem, tokenize } from '../../../sites/shop/search/tokenize.js';

const catalog = generateCatalog(1);
const engine = new SearchEngine(catalog);
const search = (q: string, more: Parameters<typeof emptyQuery>[0] = {}) =>
  engine.search(emptyQuery({ q, ...more }));

describe('tokenizer', () => {
  it('lower-cases, drops stop words and stems plurals', () => {
    expect(tokenize("Men's Running Shoes, with Breathable Mesh")).toEqual([
      'men',
      'running',
      'shoe',
      'breathable',
      'mesh',
    ]);
    expect(stem('batteries')).toBe('battery');
    expect(stem('glass')).toBe('glass');
    expect(tokenize('1.5 L 128 GB')).toEqual(['1.5', 'l', '128', 'gb']);
  });
});

describe('search ranking', () => {
  it('puts the product whose exact title is searched first', () => {
    for (const id of ['p0007', 'p0042', 'p0123', 'p0300']) {
      const product = catalog.byId.get(id)!;
      expect(search(product.title).items[0]!.id, product.title).toBe(id);
    }
  });

  it('ranks title matches above products that only mention the word in details', () => {
    const result = search('waterproof');
    const firstTitle = result.items.findIndex((p) => !/waterproof/i.test(p.title));
    const lastTitle = result.items.map((p) => /waterproof/i.test(p.title)).lastIndexOf(true);
    expect(lastTitle).toBeGreaterThanOrEqual(0);
    expect(firstTitle === -1 || firstTitle > lastTitle).toBe(true);
  });

  it('requires all words when some product has them all, and matches word prefixes', () => {
    const result = search('wireless headphones');
    expect(result.total).toBeGreaterThan(0);
    // Both words in the title ranks above "wireless" in the title and "headphones" in the category.
    const both = result.items.map((p) => /Wireless.*Headphones/.test(p.title));
    expect(both[0]).toBe(true);
    expect(both.indexOf(false) === -1 || both.indexOf(false) > both.lastIndexOf(true)).toBe(true);
    for (const p of result.items) expect(p.category).toBe('audio');
    expect(search('sneak').items.every((p) => p.productType === 'Sneakers')).toBe(true);
    expect(search('xyzzy').total).toBe(0);
  });

  it('gives a full page of 48 results for common queries and categories', () => {
    const shoes = search('shoes');
    expect(shoes.total).toBeGreaterThanOrEqual(48);
    expect(shoes.items).toHaveLength(48);
    expect(shoes.items.every((p) => p.category === 'shoes')).toBe(true);
    const category = engine.search(emptyQuery({ category: 'shoes' }));
    expect(category.items).toHaveLength(48);
  });
});

describe('filters, sort and pagination', () => {
  it('filters by brand (any of several), price range in dollars and minimum rating', () => {
    const brands = search('shoes').brands;
    expect(brands.length).toBeGreaterThanOrEqual(3);
    const two = [brands[0]!.slug, brands[1]!.slug];
    const byBrand = search('shoes', { brands: two });
    expect(byBrand.total).toBe(brands[0]!.count + brands[1]!.count);
    expect(byBrand.items.every((p) => two.includes(p.brandSlug))).toBe(true);
    expect(byBrand.brands).toEqual(brands);

    const priced = search('shoes', { minPrice: 50, maxPrice: 100 });
    expect(priced.total).toBeGreaterThan(0);
    for (const p of priced.items) expect(p.price >= 5000 && p.price <= 10000).toBe(true);

    const rated = search('shoes', { minRating: 4 });
    expect(rated.total).toBeLessThan(search('shoes').total);
    expect(rated.items.every((p) => p.rating >= 4)).toBe(true);
  });

  it('sorts by price both ways and by rating', () => {
    const prices = search('shoes', { sort: 'price_asc', perPage: 48 }).items.map((p) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = search('shoes', { sort: 'price_desc' }).items.map((p) => p.price);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const ratings = search('shoes', { sort: 'rating' }).items.map((p) => p.rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
  });

  it('pages without overlap and clamps out-of-range pages', () => {
    const first = search('shoes', { perPage: 24 });
    const second = search('shoes', { perPage: 24, page: 2 });
    expect(first.pageCount).toBe(Math.ceil(first.total / 24));
    const ids = new Set(first.items.map((p) => p.id));
    expect(second.items.some((p) => ids.has(p.id))).toBe(false);
    const beyond = search('shoes', { page: 99 });
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.items.length).toBeGreaterThan(0);
  });

  it('round-trips a query through its URL and drops unusable parameters', () => {
    const query = emptyQuery({
      q: 'trail shoes',
      brands: ['nordwind', 'kestrel'],
      minPrice: 20,
      maxPrice: 150,
      minRating: 4,
      sort: 'price_desc',
      page: 2,
    });
    const url = new URL(searchUrl(query), 'http://x');
    expect(url.pathname).toBe('/search');
    expect(parseSearchParams(url.searchParams)).toEqual(query);
    expect(searchUrl(emptyQuery({ category: 'shoes' }))).toBe('/category/shoes');
    const junk = parseSearchParams(new URLSearchParams('q=x&min=abc&rating=9&sort=zzz&page=-1'));
    expect(junk).toEqual(emptyQuery({ q: 'x' }));
  });
});
