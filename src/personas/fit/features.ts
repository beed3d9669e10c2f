import { productPages, searchQueries } from '../../ab/funnel.js';
import { sessionMetrics } from '../../ab/metrics.js';
import type { Persona } from '../../persona.js';
import type { Trace } from '../../traces/schema.js';

/**
 * The behavioural features of a session, read with the A/B funnel classification (src/ab/funnel.ts,
 * src/ab/metrics.ts) so a cohort means what an arm metric means:
 *   steps:         session length in steps;
 *   search:        1 when the session searched (funnel stage search), else 0;
 *   product_views: distinct product pages seen (funnel product URLs);
 *   add_to_cart:   1 when an add-to-cart or buy click ran;
 *   checkout:      1 when a checkout page was reached;
 *   purchase:      1 when the session ended in a purchase.
 */
export const FEATURES = [
  'steps',
  'search',
  'product_views',
  'add_to_cart',
  'checkout',
  'purchase',
] as const;
export type Feature = (typeof FEATURES)[number];

/** Counts, whose long right tail is damped with log(1 + x) before standardising. */
const COUNT_FEATURES: readonly Feature[] = ['steps', 'product_views'];

export interface SessionFeatures {
  sessionId: string;
  values: Record<Feature, number>;
  queries: string[];
  products: string[];
  /** The persona the trace's header carries (recorded or imported from a survey), if any. */
  persona: Persona | null;
}

/** The features, searches and product pages of one session. */
export function sessionFeatures(trace: Trace): SessionFeatures {
  const m = sessionMetrics(trace, null);
  const products = productPages(trace.steps);
  return {
    sessionId: trace.header.session_id,
    values: {
      steps: m.steps,
      search: m.used_search ? 1 : 0,
      product_views: products.length,
      add_to_cart: m.added_to_cart ? 1 : 0,
      checkout: m.reached_checkout ? 1 : 0,
      purchase: m.converted ? 1 : 0,
    },
    queries: searchQueries(trace.steps),
    products,
    persona: trace.header.persona,
  };
}

/**
 * The sessions as points for clustering: counts log(1 + x), then every feature standardised to
 * mean 0 and standard deviation 1 over the sessions (a feature that never varies becomes 0).
 */
export function standardise(sessions: readonly SessionFeatures[]): number[][] {
  const raw = sessions.map((s) =>
    FEATURES.map((f) => (COUNT_FEATURES.includes(f) ? Math.log1p(s.values[f]) : s.values[f])),
  );
  const n = raw.length;
  return FEATURES.reduce(
    (points, _f, j) => {
      const mean = raw.reduce((sum, r) => sum + r[j]!, 0) / n;
      const sd = Math.sqrt(raw.reduce((sum, r) => sum + (r[j]! - mean) ** 2, 0) / n);
      points.forEach((p, i) => p.push(sd > 0 ? (raw[i]![j]! - mean) / sd : 0));
      return points;
    },
    raw.map(() => [] as number[]),
  );
}

/** Mean of each feature over the sessions, in the features' own units. */
export function featureMeans(sessions: readonly SessionFeatures[]): Record<Feature, number> {
  const means = {} as Record<Feature, number>;
  for (const f of FEATURES) {
    means[f] = sessions.reduce((sum, s) => sum + s.values[f], 0) / Math.max(1, sessions.length);
  }
  return means;
}
