import type { TraceStep } from '../traces/schema.js';

/**
 * Funnel stages of a session, read from its trace alone (any shop, no site knowledge). Every URL
 * of the session counts: each step's page URL and the URL its action led to.
 *   search:   a URL whose path is /search (or ends in /search) or has a q= / query= / search=
 *             parameter, or a type_and_submit into an element whose name contains "search";
 *   product:  a URL whose path has a /product/, /products/, /item/, /p/ or /dp/ segment;
 *   cart:     a URL whose path has a /cart or /basket segment, or an add-to-cart click (see
 *             isAddToCart) the browser carried out;
 *   checkout: a URL whose path has a /checkout segment;
 *   purchase: the session ended with outcome "purchase" (an order confirmation page was seen).
 * Stages are counted independently (a session may reach checkout by a direct link).
 */
export const FUNNEL_STAGES = ['search', 'product', 'cart', 'checkout', 'purchase'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const SEARCH_PATH = /(^|\/)search\/?$/i;
const SEARCH_PARAMS = ['q', 'query', 'search'];
const PRODUCT_PATH = /\/(product|products|item|p|dp)\/[^/]/i;
const CART_PATH = /\/(cart|basket)(\/|$)/i;
const CHECKOUT_PATH = /\/checkout(\/|$)/i;

/** A click whose element name says add to cart or buy (add_to_cart, add-to-cart, buy_now, ...). */
export function isAddToCart(step: TraceStep): boolean {
  if (step.action.type !== 'click') return false;
  const name = step.action.name.toLowerCase();
  return name.includes('add_to_cart') || name.includes('add-to-cart') || name.includes('buy');
}

/** The step was carried out (an old trace without a result counts as carried out). */
export function succeeded(step: TraceStep): boolean {
  return step.result === null || step.result.ok;
}

function urlsOf(steps: readonly TraceStep[]): URL[] {
  const urls: URL[] = [];
  for (const step of steps) {
    for (const text of [step.url, step.result?.url_after ?? null]) {
      if (!text) continue;
      try {
        urls.push(new URL(text));
      } catch {
        // not a URL (e.g. a redacted or synthetic one): no stage from it
      }
    }
  }
  return urls;
}

/** The product pages this session viewed (path of each distinct product URL, first view first). */
export function productPages(steps: readonly TraceStep[]): string[] {
  const pages = new Set<string>();
  for (const url of urlsOf(steps)) {
    if (PRODUCT_PATH.test(url.pathname)) pages.add(url.pathname.replace(/\/+$/, ''));
  }
  return [...pages];
}

/**
 * The searches of this session, lowercased and trimmed, each once: text typed into a "search"
 * element, and the q= / query= / search= parameter of a URL.
 */
export function searchQueries(steps: readonly TraceStep[]): string[] {
  const queries = new Set<string>();
  const add = (text: string | null) => {
    const q = text?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (q) queries.add(q);
  };
  for (const step of steps) {
    if (step.action.type === 'type_and_submit' && /search/i.test(step.action.name)) {
      add(step.action.text);
    }
  }
  for (const url of urlsOf(steps)) for (const p of SEARCH_PARAMS) add(url.searchParams.get(p));
  return [...queries];
}

/** The stages this session reached. */
export function stagesReached(steps: readonly TraceStep[], purchased: boolean): Set<FunnelStage> {
  const stages = new Set<FunnelStage>();
  for (const url of urlsOf(steps)) {
    if (SEARCH_PATH.test(url.pathname) || SEARCH_PARAMS.some((p) => url.searchParams.get(p))) {
      stages.add('search');
    }
    if (PRODUCT_PATH.test(url.pathname)) stages.add('product');
    if (CART_PATH.test(url.pathname)) stages.add('cart');
    if (CHECKOUT_PATH.test(url.pathname)) stages.add('checkout');
  }
  for (const step of steps) {
    if (step.action.type === 'type_and_submit' && /search/i.test(step.action.name)) {
      stages.add('search');
    }
    if (isAddToCart(step) && succeeded(step)) stages.add('cart');
  }
  if (purchased) stages.add('purchase');
  return stages;
}
