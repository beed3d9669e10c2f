import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../sites/shop/catalog/generate.js';
import { hashSeed, mulberry32, Rng } from '../../../sites/shop/catalog/prng.js';
import { reviewsFor } from '../../../sites/shop/catalog/reviews.js';
import { defaultSelection, resolveSelection } from '../../../sites/shop/catalog/stock.js';

const catalog = generateCatalog(1);

describe('catalog generation', () => {
  it('holds at least 300 products in at least 8 categories, each category well stocked', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(300);
    expect(catalog.categories.length).toBeGreaterThanOrEqual(8);
    for (const c of catalog.categories) {
      const inCategory = catalog.products.filter((p) => p.category === c.slug);
      expect(inCategory.length, c.slug).toBeGreaterThanOrEqual(20);
      expect(new Set(inCategory.map((p) => p.brand)).size, c.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('is a pure function of the seed', () => {
    const again = generateCatalog(1);
    expect(JSON.stringify(again.products)).toBe(JSON.stringify(catalog.products));
    const other = generateCatalog(2);
    expect(other.products.length).toBe(catalog.products.length);
    const sameTitle = other.products.filter((p, i) => p.title === catalog.products[i]!.title);
    expect(sameTitle.length).toBeLessThan(catalog.products.length / 10);
  });

  it('gives stable, unique, zero-padded ids and unique titles', () => {
    expect(catalog.products[41]!.id).toBe('p0042');
    expect(new Set(catalog.products.map((p) => p.id)).size).toBe(catalog.products.length);
    expect(new Set(catalog.products.map((p) => p.title)).size).toBe(catalog.products.length);
    for (const p of catalog.products) expect(catalog.byId.get(p.id)).toBe(p);
  });

  it('writes realistic titles, prices and ratings', () => {
    for (const p of catalog.products) {
      expect(p.title.startsWith(p.brand + ' ')).toBe(true);
      expect(p.title).not.toMatch(/\s{2}|\s,|\s$/);
      expect(p.title).toContain(p.productType);
      expect(Number.isInteger(p.price) && p.price > 0).toBe(true);
      if (p.listPrice !== null) expect(p.listPrice).toBeGreaterThan(p.price);
      expect(p.rating).toBeGreaterThanOrEqual(1);
      expect(p.rating).toBeLessThanOrEqual(5);
      expect(p.reviewCount).toBeLessThanOrEqual(p.ratingCount);
    }
    const shoe = catalog.products.find((p) => p.productType === 'Running Shoes')!;
    expect(shoe.title).toMatch(/ (Men|Women)'s Running Shoes, /);
    expect(shoe.optionGroups.map((g) => g.name)).toEqual(['Size', 'Color']);
  });

  it('has out-of-stock options, and a buyable default for most products', () => {
    const options = catalog.products.flatMap((p) => p.optionGroups.flatMap((g) => g.options));
    expect(options.some((o) => o.stock === 0)).toBe(true);
    expect(options.some((o) => o.stock > 0)).toBe(true);
    const buyable = catalog.products.filter((p) => defaultSelection(p) !== null);
    expect(buyable.length).toBeGreaterThan(catalog.products.length * 0.9);
    for (const p of buyable) expect(resolveSelection(p, defaultSelection(p)!).ok).toBe(true);
  });

  it('gives many products 30+ written reviews, deterministic and newest first', () => {
    const many = catalog.products.filter((p) => p.reviewCount >= 30);
    expect(many.length).toBeGreaterThan(100);
    const p = many[0]!;
    const reviews = reviewsFor(1, p);
    expect(reviews).toHaveLength(p.reviewCount);
    const fresh = reviewsFor(1, generateCatalog(1).byId.get(p.id)!);
    expect(fresh).toEqual(reviews);
    for (let i = 1; i < reviews.length; i++) {
      expect(reviews[i - 1]!.date >= reviews[i]!.date).toBe(true);
    }
    for (const r of reviews) {
      expect(r.author).toMatch(/^[A-Z][a-z]+ [A-Z]\.$/);
      expect(r.rating).toBeGreaterThanOrEqual(1);
      expect(r.rating).toBeLessThanOrEqual(5);
      expect(r.body.length).toBeGreaterThan(20);
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(reviews.map((r) => r.body)).size).toBeGreaterThan(reviews.length / 2);
  });
});

describe('seeded PRNG', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(hashSeed('x', 1)).not.toBe(hashSeed('x', 2));
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(rng.int(1, 4));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
});
