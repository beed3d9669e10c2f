import { reviewsFor } from '../shop/catalog/reviews.js';
import { defaultSelection } from '../shop/catalog/stock.js';
import type { Product } from '../shop/catalog/types.js';
import { formatMoney, priceCart, type CartLine, type CartTotals } from '../shop/state/cart.js';
import type { ModernCatalog } from './catalog.js';
import type { CardJson, CartJson, MoneyJson, ProductJson, ReviewPageJson } from './types.js';

/** Express shipping costs the same for every order (cents). */
export const EXPRESS_SHIPPING = 1499;
export const REVIEWS_PER_PAGE = 5;

export function money(cents: number): MoneyJson {
  return { cents, formatted: formatMoney(cents) };
}

export function imageUrl(handle: string, color?: string): string {
  return `/cdn/shop/files/${handle}.svg${color ? `?color=${encodeURIComponent(color)}` : ''}`;
}

export function cardJson(shop: ModernCatalog, product: Product): CardJson {
  const handle = shop.handleOf.get(product.id)!;
  const quick = defaultSelection(product);
  const first = product.optionGroups[0];
  let optionsNote = '';
  if (first && first.key === 'color') optionsNote = `${first.options.length} colors`;
  else if (first) optionsNote = `${first.options.length} ${first.name.toLowerCase()} options`;
  return {
    handle,
    title: product.title,
    brand: product.brand,
    image: imageUrl(handle),
    price: money(product.price),
    compareAt: product.listPrice === null ? null : money(product.listPrice),
    rating: product.rating,
    ratingCount: product.ratingCount,
    available: quick !== null,
    optionsNote,
    quickAdd: quick,
  };
}

export function reviewPage(shop: ModernCatalog, product: Product, page: number): ReviewPageJson {
  const all = reviewsFor(shop.catalog.seed, product);
  const pageCount = Math.max(1, Math.ceil(all.length / REVIEWS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const start = (current - 1) * REVIEWS_PER_PAGE;
  return {
    reviews: all.slice(start, start + REVIEWS_PER_PAGE).map((r) => ({
      id: r.id,
      author: r.author,
      rating: r.rating,
      title: r.title,
      body: r.body,
      date: r.date,
      verified: r.verified,
      bought: r.bought,
    })),
    page: current,
    pageCount,
    total: all.length,
  };
}

export function productJson(shop: ModernCatalog, product: Product): ProductJson {
  return {
    ...cardJson(shop, product),
    category: { slug: product.category, name: product.categoryName },
    description: product.description,
    features: product.features,
    optionGroups: product.optionGroups.map((group) => ({
      name: group.name,
      key: group.key,
      isColor: group.key === 'color',
      options: group.options.map((o) => ({
        value: o.value,
        slug: o.slug,
        available: o.stock > 0,
        priceDelta: o.priceDelta,
        priceNote: o.priceDelta > 0 ? `+${formatMoney(o.priceDelta)}` : '',
      })),
    })),
    stock: product.stock,
    reviews: reviewPage(shop, product, 1),
  };
}

export function cartJson(shop: ModernCatalog, cart: CartLine[]): CartJson {
  const totals: CartTotals = priceCart(cart, shop.catalog);
  return {
    lines: totals.lines.map((line) => {
      const handle = shop.handleOf.get(line.productId)!;
      return {
        key: line.key,
        handle,
        title: line.product.title,
        image: imageUrl(handle, line.selection.color),
        choice: line.choice,
        quantity: line.quantity,
        limit: line.limit,
        unitPrice: money(line.unitPrice),
        lineTotal: money(line.lineTotal),
      };
    }),
    itemCount: totals.itemCount,
    subtotal: money(totals.subtotal),
    tax: money(totals.tax),
    standardShipping: money(totals.shipping),
    expressShipping: money(EXPRESS_SHIPPING),
  };
}
