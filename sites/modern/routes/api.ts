import { slugify } from '../../shop/catalog/types.js';
import { jsonReply, type Reply } from '../../shop/http.js';
import { emptyQuery, type SortKey } from '../../shop/search/query.js';
import type { ModernContext } from '../app.js';
import { cardJson, cartJson, productJson, reviewPage } from '../serialize.js';
import type { ListingJson } from '../types.js';

/** The listing's sort choices as the URL names them, mapped to the search engine's. */
export const SORT_PARAMS: Record<string, SortKey> = {
  featured: 'relevance',
  'price-asc': 'price_asc',
  'price-desc': 'price_desc',
  rating: 'rating',
};
const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 48;

/** The JSON API the browser code reads (GET). */
export async function routeApiGet(ctx: ModernContext): Promise<Reply | null> {
  const { pathname } = ctx.url;
  const { shop } = ctx.app;
  if (pathname === '/api/products') return listing(ctx);
  const productMatch = /^\/api\/product\/([a-z0-9-]+)(\/reviews)?$/.exec(pathname);
  if (productMatch) {
    const product = shop.byHandle.get(productMatch[1]!);
    if (!product) return jsonReply({ error: `There is no product "${productMatch[1]}".` }, 404);
    if (!productMatch[2]) return jsonReply(productJson(shop, product));
    return jsonReply(reviewPage(shop, product, Number(ctx.url.searchParams.get('page'))));
  }
  if (pathname === '/api/cart') return jsonReply(cartJson(shop, ctx.visitor.cart));
  if (pathname === '/api/orders') {
    const visitor = ctx.url.searchParams.get('visitor');
    const orders = await ctx.app.orderLog.readAll();
    return jsonReply(visitor ? orders.filter((o) => o.visitorId === visitor) : orders);
  }
  if (pathname === '/api/visitor') return jsonReply({ visitorId: ctx.visitor.id });
  return null;
}

function listing(ctx: ModernContext): Reply {
  const params = ctx.url.searchParams;
  const { shop } = ctx.app;
  const slug = params.get('category');
  const category = slug ? shop.categoryBySlug.get(slug) : undefined;
  if (slug && !category) return jsonReply({ error: `There is no category "${slug}".` }, 404);
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const sortParam = params.get('sort') ?? 'featured';
  const sort = Object.hasOwn(SORT_PARAMS, sortParam) ? SORT_PARAMS[sortParam]! : 'relevance';
  const limit = Math.min(
    MAX_LIMIT,
    Math.max(1, Math.floor(Number(params.get('limit'))) || DEFAULT_LIMIT),
  );
  const all = ctx.app.search.search(
    emptyQuery({ q, category: category?.slug ?? null, sort, page: 1, perPage: 100_000 }),
  ).items;
  const type = params.get('type');
  const matches = type ? all.filter((p) => slugify(p.productType) === type) : all;
  const pageCount = Math.max(1, Math.ceil(matches.length / limit));
  const page = Math.min(pageCount, Math.max(1, Math.floor(Number(params.get('page'))) || 1));
  const body: ListingJson = {
    items: matches.slice((page - 1) * limit, page * limit).map((p) => cardJson(shop, p)),
    total: matches.length,
    page,
    pageCount,
    category: category ? { slug: category.slug, name: category.name, blurb: category.blurb } : null,
    q,
  };
  return jsonReply(body);
}
