import type { Trace } from '../traces/schema.js';
import { isAddToCart, stagesReached, succeeded } from './funnel.js';

/**
 * What one session measured, read from its trace (and the shop's order log where there is one).
 * Booleans are compared with McNemar, numbers with a paired bootstrap; null = not measured for
 * this session (the pair is left out of that metric).
 */
export interface SessionMetrics {
  [metric: string]: boolean | number | null;
  /** Ended in a purchase (an order confirmation page was seen). */
  converted: boolean;
  /** Clicked an add-to-cart or buy control that the browser carried out. */
  added_to_cart: boolean;
  /** Searched (search stage of the funnel). */
  used_search: boolean;
  reached_product: boolean;
  reached_cart: boolean;
  reached_checkout: boolean;
  /** Left without a purchase and without ever leaving the first page (same path and query). */
  first_page_exit: boolean;
  steps: number;
  /** Steps of a converting session; null otherwise. */
  steps_to_purchase: number | null;
  /** Seconds from the session's start to its end, for a converting session; null otherwise. */
  seconds_to_purchase: number | null;
  /** Order total from the order log (0 without a purchase); null when the site has no log. */
  revenue: number | null;
  /** Order total of a converting session found in the order log; null otherwise. */
  order_value: number | null;
}

/** Names of the binary metrics, in report order. */
export const BINARY_METRICS = [
  'converted',
  'added_to_cart',
  'used_search',
  'reached_product',
  'reached_cart',
  'reached_checkout',
  'first_page_exit',
] as const;

/** `--primary conversion` is the same as converted. */
export function metricName(flag: string): string {
  return flag === 'conversion' ? 'converted' : flag;
}

function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname && x.search === y.search;
  } catch {
    return a === b;
  }
}

/** The metrics of one session; `orders` maps order id to total (null: no order log). */
export function sessionMetrics(trace: Trace, orders: Map<string, number> | null): SessionMetrics {
  const { steps, end } = trace;
  const converted = end?.outcome === 'purchase';
  const stages = stagesReached(steps, converted);
  const first = steps[0]?.url ?? null;
  const stayed =
    first === null ||
    steps.every(
      (s) =>
        samePage(s.url, first) && (!s.result?.url_after || samePage(s.result.url_after, first)),
    );
  const total = converted && end?.order_id && orders ? (orders.get(end.order_id) ?? null) : null;
  return {
    converted,
    added_to_cart: steps.some((s) => isAddToCart(s) && succeeded(s)),
    used_search: stages.has('search'),
    reached_product: stages.has('product'),
    reached_cart: stages.has('cart'),
    reached_checkout: stages.has('checkout'),
    first_page_exit: !converted && stayed,
    steps: steps.length,
    steps_to_purchase: converted ? steps.length : null,
    seconds_to_purchase: converted && end ? end.duration_ms / 1000 : null,
    revenue: orders ? (total ?? 0) : null,
    order_value: total,
  };
}

/** The per-pair number metrics `--primary` may name. */
export const NUMERIC_METRICS = [
  'steps',
  'steps_to_purchase',
  'seconds_to_purchase',
  'revenue',
  'order_value',
];
