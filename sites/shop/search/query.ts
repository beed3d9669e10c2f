/** A search request as the URL carries it: /search?q=&category=&brand=&min=&max=&rating=&sort=&page=&per_page= */

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'rating'] as const;
export type SortKey = (typeof SORTS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Relevance',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Avg. customer rating',
};

export const PER_PAGE_CHOICES = [12, 24, 48] as const;
export const DEFAULT_PER_PAGE = 48;

export interface SearchQuery {
  q: string;
  category: string | null;
  /** Brand slugs; a product matches if its brand is any of them. */
  brands: string[];
  /** Price bounds in whole dollars, inclusive. */
  minPrice: number | null;
  maxPrice: number | null;
  /** Minimum average rating (1-4). */
  minRating: number | null;
  sort: SortKey;
  page: number;
  perPage: number;
}

export function emptyQuery(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return {
    q: '',
    category: null,
    brands: [],
    minPrice: null,
    maxPrice: null,
    minRating: null,
    sort: 'relevance',
    page: 1,
    perPage: DEFAULT_PER_PAGE,
    ...overrides,
  };
}

function number(raw: string | null, min: number, max: number): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Reads a query from URL parameters; unusable values are dropped, never an error page. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const sort = params.get('sort');
  const perPage = number(params.get('per_page'), 1, 100);
  return emptyQuery({
    q: (params.get('q') ?? '').trim().slice(0, 200),
    category: params.get('category') || null,
    brands: params.getAll('brand').filter(Boolean),
    minPrice: number(params.get('min'), 0, 1e6),
    maxPrice: number(params.get('max'), 0, 1e6),
    minRating: number(params.get('rating'), 1, 5),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'relevance',
    page: Math.floor(number(params.get('page'), 1, 1e6) ?? 1),
    perPage: (PER_PAGE_CHOICES as readonly number[]).includes(perPage ?? 0)
      ? perPage!
      : DEFAULT_PER_PAGE,
  });
}

/**
 * The URL of a query (category pages keep their /category/<slug> path). Defaults are left out,
 * so equal queries give equal URLs.
 */
export function searchUrl(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  const onCategoryPage = q.category !== null && q.q === '';
  if (q.q) params.set('q', q.q);
  if (q.category && !onCategoryPage) params.set('category', q.category);
  for (const b of q.brands) params.append('brand', b);
  if (q.minPrice !== null) params.set('min', String(q.minPrice));
  if (q.maxPrice !== null) params.set('max', String(q.maxPrice));
  if (q.minRating !== null) params.set('rating', String(q.minRating));
  if (q.sort !== 'relevance') params.set('sort', q.sort);
  if (q.perPage !== DEFAULT_PER_PAGE) params.set('per_page', String(q.perPage));
  if (q.page > 1) params.set('page', String(q.page));
  const path = onCategoryPage ? `/category/${encodeURIComponent(q.category!)}` : '/search';
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
