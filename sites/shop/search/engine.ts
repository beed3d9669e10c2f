import type { Catalog, Product } from '../catalog/types.js';
import type { SearchQuery } from './query.js';
import { tokenize } from './tokenize.js';

/** Field weights: a hit in the title counts most, then brand, product type, category. */
const FIELDS = [
  { name: 'title', weight: 3, text: (p: Product) => p.title },
  { name: 'brand', weight: 2.5, text: (p: Product) => p.brand },
  { name: 'type', weight: 2, text: (p: Product) => p.productType },
  { name: 'category', weight: 1.5, text: (p: Product) => `${p.categoryName} ${p.category}` },
  {
    name: 'options',
    weight: 0.6,
    text: (p: Product) => p.optionGroups.flatMap((g) => g.options.map((o) => o.value)).join(' '),
  },
  {
    name: 'details',
    weight: 0.3,
    text: (p: Product) => `${p.features.join(' ')} ${p.description}`,
  },
] as const;

interface Doc {
  product: Product;
  fields: Set<string>[];
  title: string;
}

export interface Facet {
  slug: string;
  name: string;
  count: number;
}

export interface SearchResult {
  /** The products of the requested page, best first. */
  items: Product[];
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
  /** Brands among the matches (before the brand filter), most products first. */
  brands: Facet[];
}

export class SearchEngine {
  private readonly docs: Doc[];
  private readonly docFreq = new Map<string, number>();

  constructor(catalog: Catalog) {
    this.docs = catalog.products.map((product) => ({
      product,
      fields: FIELDS.map((f) => new Set(tokenize(f.text(product)))),
      title: tokenize(product.title).join(' '),
    }));
    for (const doc of this.docs) {
      const all = new Set(doc.fields.flatMap((f) => [...f]));
      for (const token of all) this.docFreq.set(token, (this.docFreq.get(token) ?? 0) + 1);
    }
  }

  /** Relevance of one product for a query: weighted field hits times rarity, plus a phrase bonus. */
  score(tokens: string[], doc: Doc): { score: number; matched: number } {
    let score = 0;
    let matched = 0;
    for (const token of tokens) {
      let best = 0;
      FIELDS.forEach((field, i) => {
        const set = doc.fields[i]!;
        if (set.has(token)) best = Math.max(best, field.weight);
        else if (token.length >= 3 && hasPrefixed(set, token)) {
          best = Math.max(best, field.weight * 0.6);
        }
      });
      if (best > 0) {
        matched++;
        score += best * this.idf(token);
      }
    }
    if (tokens.length > 1 && doc.title.includes(tokens.join(' '))) score *= 1.5;
    return { score, matched };
  }

  private idf(token: string): number {
    const df = this.docFreq.get(token) ?? 0;
    return Math.log(1 + (this.docs.length + 1) / (df + 1));
  }

  search(query: SearchQuery): SearchResult {
    const tokens = [...new Set(tokenize(query.q))];
    let hits = this.docs
      .filter((d) => !query.category || d.product.category === query.category)
      .map((doc) => ({
        doc,
        ...(tokens.length ? this.score(tokens, doc) : { score: 0, matched: 0 }),
      }));
    if (tokens.length) {
      // All query words must match when any product matches them all; otherwise best partial matches.
      const full = hits.filter((h) => h.matched === tokens.length);
      hits = full.length ? full : hits.filter((h) => h.matched > 0);
    }
    const p = (h: (typeof hits)[number]) => h.doc.product;
    hits = hits.filter((h) => {
      const { price, rating } = p(h);
      if (query.minPrice !== null && price < query.minPrice * 100) return false;
      if (query.maxPrice !== null && price > query.maxPrice * 100) return false;
      return query.minRating === null || rating >= query.minRating;
    });
    const brands = brandFacets(hits.map(p));
    if (query.brands.length) hits = hits.filter((h) => query.brands.includes(p(h).brandSlug));

    const popularity = (x: Product) => x.ratingCount * x.rating;
    const byId = (a: Product, b: Product) => (a.id < b.id ? -1 : 1);
    hits.sort((a, b) => {
      const x = p(a);
      const y = p(b);
      switch (query.sort) {
        case 'price_asc':
          return x.price - y.price || byId(x, y);
        case 'price_desc':
          return y.price - x.price || byId(x, y);
        case 'rating':
          return y.rating - x.rating || y.ratingCount - x.ratingCount || byId(x, y);
        case 'relevance':
          return b.score - a.score || popularity(y) - popularity(x) || byId(x, y);
      }
    });
    const total = hits.length;
    const pageCount = Math.max(1, Math.ceil(total / query.perPage));
    const page = Math.min(Math.max(1, query.page), pageCount);
    const start = (page - 1) * query.perPage;
    return {
      items: hits.slice(start, start + query.perPage).map(p),
      total,
      page,
      pageCount,
      perPage: query.perPage,
      brands,
    };
  }
}

/** Whether any token of the set starts with `prefix` (no array copy: this runs per doc and token). */
function hasPrefixed(set: Set<string>, prefix: string): boolean {
  for (const t of set) if (t.startsWith(prefix)) return true;
  return false;
}

function brandFacets(products: Product[]): Facet[] {
  const counts = new Map<string, Facet>();
  for (const { brand, brandSlug } of products) {
    const facet = counts.get(brandSlug) ?? { slug: brandSlug, name: brand, count: 0 };
    facet.count++;
    counts.set(brandSlug, facet);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
