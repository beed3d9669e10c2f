import { generateCatalog } from '../shop/catalog/generate.js';
import { slugify, type Catalog, type Category, type Product } from '../shop/catalog/types.js';

/** The categories the modern shop sells (a slice of the first shop's generated catalog). */
const CATEGORY_SLUGS = ['shoes', 'clothing', 'audio', 'kitchen', 'outdoor', 'beauty'] as const;
/** Products per category. */
const PER_CATEGORY = 12;

/** The mega-menu's columns: a heading and the categories under it. */
const MENU_COLUMNS: readonly { heading: string; categories: readonly string[] }[] = [
  { heading: 'Wear', categories: ['shoes', 'clothing'] },
  { heading: 'Home & Tech', categories: ['audio', 'kitchen'] },
  { heading: 'Outside & Self-care', categories: ['outdoor', 'beauty'] },
];

export interface MenuCategory {
  slug: string;
  name: string;
  /** Product types sold in the category, e.g. "Running Shoes", with their slugs. */
  types: { slug: string; name: string }[];
}

export interface ModernCatalog {
  catalog: Catalog;
  byHandle: Map<string, Product>;
  handleOf: Map<string, string>;
  categoryBySlug: Map<string, Category>;
  menu: { heading: string; categories: MenuCategory[] }[];
}

/**
 * Builds the shop's catalog from the seed: PER_CATEGORY products of each category, each with a URL
 * handle made from its name (never its price), e.g. "trailpeak-ridge-3-womens-running-shoes".
 */
export function buildModernCatalog(seed: number): ModernCatalog {
  const full = generateCatalog(seed);
  const products: Product[] = [];
  for (const slug of CATEGORY_SLUGS) {
    products.push(...full.products.filter((p) => p.category === slug).slice(0, PER_CATEGORY));
  }
  const categories = CATEGORY_SLUGS.map((slug) => full.categories.find((c) => c.slug === slug)!);
  const catalog: Catalog = {
    seed,
    categories,
    products,
    byId: new Map(products.map((p) => [p.id, p])),
  };
  const byHandle = new Map<string, Product>();
  const handleOf = new Map<string, string>();
  for (const product of products) {
    const stem = slugify(product.title.split(',')[0]!);
    let handle = stem;
    for (let n = 2; byHandle.has(handle); n++) handle = `${stem}-${n}`;
    byHandle.set(handle, product);
    handleOf.set(product.id, handle);
  }
  const categoryBySlug = new Map(categories.map((c) => [c.slug, c]));
  const menu = MENU_COLUMNS.map((column) => ({
    heading: column.heading,
    categories: column.categories.map((slug) => menuCategory(categoryBySlug.get(slug)!, products)),
  }));
  return { catalog, byHandle, handleOf, categoryBySlug, menu };
}

function menuCategory(category: Category, products: Product[]): MenuCategory {
  const types = new Map<string, string>();
  for (const p of products) {
    if (p.category === category.slug) types.set(slugify(p.productType), p.productType);
  }
  return {
    slug: category.slug,
    name: category.name,
    types: [...types]
      .map(([slug, name]) => ({ slug, name }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}
