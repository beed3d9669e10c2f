import type { Variant } from '../../sites/shop/state/variant.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startModernShop } from '../../sites/modern/server.js';
import { startShop } from '../../sites/shop/server.js';
import type { SessionRecord } from '../agent/summary.js';
import { UsageError } from '../errors.js';
import { loadRecipe, type Recipe } from '../observe/recipe.js';
import { PACKAGE_ROOT } from '../version.js';
import { bundledRecipe } from './bundled-recipes.js';

/**
 * A site to shop on: a bundled shop started here ("builtin" is the first shop, "modern" the
 * client-rendered one) or a URL given by the user.
 */
export interface OpenedSite {
  startUrl: string;
  /**
   * The bundled shop's recipe; for a URL, the bundled recipes as candidates (each applies only on
   * pages with its shop's signature, see bundled-recipes.ts); null when there is none.
   */
  recipe: Recipe | null;
  /** Base URL of a bundled shop (for its order log at /api/orders); null for other sites. */
  shopUrl: string | null;
  close(): Promise<void>;
}

export const BUILTIN_RECIPE = path.join(PACKAGE_ROOT, 'sites/shop/recipe.json');

export async function openSite(
  site: string,
  variant: Variant | null,
  seed: number,
): Promise<OpenedSite> {
  if (site === 'builtin') {
    const shop = await startShop({ port: 0, variant: variant ?? 'a', seed });
    return {
      startUrl: shop.url,
      recipe: existsSync(BUILTIN_RECIPE) ? await loadRecipe(BUILTIN_RECIPE) : null,
      shopUrl: shop.url,
      close: () => shop.close(),
    };
  }
  if (site === 'modern') {
    if (variant) {
      throw new UsageError(
        '--variant applies to the builtin shop only; the modern shop has no A/B arms.',
      );
    }
    const shop = await startModernShop({ port: 0, seed });
    return { startUrl: shop.url, recipe: null, shopUrl: shop.url, close: () => shop.close() };
  }
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new UsageError(`--site ${site}: give an http(s) URL, "builtin" or "modern".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    throw new UsageError(`--site ${site}: only http, https and file URLs can be shopped.`);
  }
  if (variant) url.searchParams.set('variant', variant);
  return {
    startUrl: url.href,
    recipe: bundledRecipe(),
    shopUrl: null,
    close: async () => undefined,
  };
}

/** How many purchase sessions' orders the bundled shop's order log really has. */
export async function confirmOrders(
  site: OpenedSite,
  records: SessionRecord[],
): Promise<number | null> {
  if (!site.shopUrl) return null;
  const response = await fetch(new URL('/api/orders', site.shopUrl));
  const orders = (await response.json()) as { orderId: string }[];
  const ids = new Set(orders.map((o) => o.orderId));
  let confirmed = 0;
  for (const record of records) {
    if (record.outcome !== 'purchase') continue;
    record.orderConfirmed = record.orderId !== null && ids.has(record.orderId);
    if (record.orderConfirmed) confirmed++;
  }
  return confirmed;
}
