import { describe, expect, it } from 'vitest';
import { slugify } from '../../../sites/shop/catalog/types.js';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';

describe('the modern shop catalog', () => {
  const shop = buildModernCatalog(1);

  it('holds twelve products in each of six categories', () => {
    expect(shop.catalog.categories.map((c) => c.slug)).toEqual([
      'shoes',
      'clothing',
      'audio',
      'kitchen',
      'outdoor',
      'beauty',
    ]);
    for (const category of shop.catalog.categories) {
      expect(shop.catalog.products.filter((p) => p.category === category.slug)).toHaveLength(12);
    }
    expect(shop.catalog.byId.size).toBe(72);
  });

  it('gives every product a unique handle made from its name, never its price', () => {
    expect(shop.byHandle.size).toBe(72);
    for (const [handle, product] of shop.byHandle) {
      expect(handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(handle.startsWith(slugify(product.title.split(',')[0]!))).toBe(true);
      expect(shop.handleOf.get(product.id)).toBe(handle);
      expect(handle).not.toContain((product.price / 100).toFixed(2).replace('.', '-'));
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const again = buildModernCatalog(1);
    expect([...again.byHandle.keys()]).toEqual([...shop.byHandle.keys()]);
    expect([...buildModernCatalog(2).byHandle.keys()]).not.toEqual([...shop.byHandle.keys()]);
  });

  it('menus every category once, with the product types it sells', () => {
    const listed = shop.menu.flatMap((column) => column.categories);
    expect(listed.map((c) => c.slug).sort()).toEqual(
      shop.catalog.categories.map((c) => c.slug).sort(),
    );
    for (const category of listed) {
      const types = new Set(
        shop.catalog.products
          .filter((p) => p.category === category.slug)
          .map((p) => slugify(p.productType)),
      );
      expect(new Set(category.types.map((t) => t.slug))).toEqual(types);
    }
  });
});
