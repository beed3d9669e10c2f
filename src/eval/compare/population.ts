import { normalizeText } from '../../action.js';
import type { Trace, TraceStep } from '../../traces/schema.js';
import { inferClickType } from '../click-type.js';
import { outcomeStepIndex } from '../session-outcome.js';

/** Funnel stages, in order. */
export const FUNNEL_STAGES = ['search', 'product', 'cart', 'purchase'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** What compare measures of one population of sessions. */
export interface PopulationStats {
  sessions: number;
  steps: number;
  actionTypes: Record<string, number>;
  clickTypes: Record<string, number>;
  /** Clicks whose click type was inferred from the element (no click_type in the trace). */
  clickTypesInferred: number;
  lengths: number[];
  purchases: number;
  /** Sessions reaching each stage (independently: a buy-now purchase need not pass the cart). */
  funnel: Record<FunnelStage, number>;
  /** Search query terms with how many queries use each. */
  queryTerms: Record<string, number>;
  queries: number;
}

/** A click's type: the trace's click_type, else inferred from the element name, href and kind. */
export function stepClickType(step: TraceStep): { type: string; inferred: boolean } | null {
  if (step.action.type !== 'click') return null;
  if (step.click_type) return { type: step.click_type, inferred: false };
  const name = step.action.name;
  const element = step.observation.elements.find((e) => e.name === name);
  return { type: inferClickType(name, element), inferred: true };
}

/**
 * A session ended in a purchase when its end line says so, or its outcome step (the last step,
 * trailing terminates after a purchase click ignored) is a click whose click type is purchase:
 * the same rule as the eval's gold outcome.
 */
export function isPurchase(trace: Trace): boolean {
  if (trace.end?.outcome === 'purchase') return true;
  const purchaseClick = (s: TraceStep) => stepClickType(s)?.type === 'purchase';
  const step = trace.steps[outcomeStepIndex(trace.steps, purchaseClick)];
  return step !== undefined && purchaseClick(step);
}

/** Lowercased word terms of a search query. */
export function queryTerms(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function stagesReached(trace: Trace): Set<FunnelStage> {
  const reached = new Set<FunnelStage>();
  for (const step of trace.steps) {
    if (step.action.type === 'type_and_submit') reached.add('search');
    const ct = stepClickType(step)?.type;
    if (ct === 'search' || ct === 'suggested_term') reached.add('search');
    if (ct === 'product_link') reached.add('product');
    if (
      (step.action.type === 'click' && /add_to_cart/i.test(step.action.name)) ||
      ct === 'cart_side_bar' ||
      ct === 'cart_page_select'
    ) {
      reached.add('cart');
    }
  }
  if (isPurchase(trace)) reached.add('purchase');
  return reached;
}

export function describePopulation(traces: readonly Trace[]): PopulationStats {
  const stats: PopulationStats = {
    sessions: traces.length,
    steps: 0,
    actionTypes: {},
    clickTypes: {},
    clickTypesInferred: 0,
    lengths: [],
    purchases: 0,
    funnel: { search: 0, product: 0, cart: 0, purchase: 0 },
    queryTerms: {},
    queries: 0,
  };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const trace of traces) {
    stats.steps += trace.steps.length;
    stats.lengths.push(trace.steps.length);
    if (isPurchase(trace)) stats.purchases += 1;
    for (const stage of stagesReached(trace)) stats.funnel[stage] += 1;
    for (const step of trace.steps) {
      bump(stats.actionTypes, step.action.type);
      const ct = stepClickType(step);
      if (ct) {
        bump(stats.clickTypes, ct.type);
        if (ct.inferred) stats.clickTypesInferred += 1;
      }
      if (step.action.type === 'type_and_submit') {
        stats.queries += 1;
        for (const term of new Set(queryTerms(step.action.text))) bump(stats.queryTerms, term);
      }
    }
  }
  return stats;
}
