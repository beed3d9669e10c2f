import { Persona } from '../../persona.js';
import { featureMeans, type Feature, type SessionFeatures } from './features.js';

/** A cohort's behaviour becomes a "buy" persona when at least this share of its sessions bought. */
export const BUY_THRESHOLD = 0.5;

/** How many searches and products a persona lists. */
const TOP = 5;

type Level = 'low' | 'medium' | 'high';

/** The most common values, each counted once per session, most common first (ties: a-z). */
export function mostCommon(lists: readonly string[][], limit = TOP): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([v]) => v);
}

function mode<T extends string>(values: readonly T[]): T | null {
  return (
    (mostCommon(
      values.map((v) => [v]),
      1,
    )[0] as T | undefined) ?? null
  );
}

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "most sessions (75%)": how often, in words and figures. */
function often(share: number): string {
  const words = share >= 0.8 ? 'almost all' : share >= 0.5 ? 'most' : share >= 0.2 ? 'some' : 'few';
  return share === 0 ? 'no sessions' : `${words} sessions (${Math.round(share * 100)}%)`;
}

/** The cohort's behaviour in one sentence. */
export function behaviourText(m: Record<Feature, number>): string {
  return (
    `searches in ${often(m.search)}, views ~${m.product_views.toFixed(1)} product pages, ` +
    `adds to cart in ${often(m.add_to_cart)}, reaches checkout in ${often(m.checkout)}, ` +
    `buys in ${often(m.purchase)}; ~${m.steps.toFixed(1)} steps per session`
  );
}

function label(m: Record<Feature, number>): string {
  const who =
    m.purchase >= BUY_THRESHOLD
      ? 'buyer'
      : m.add_to_cart >= 0.5
        ? 'cart abandoner'
        : m.steps <= 2
          ? 'quick leaver'
          : 'browser';
  return `${m.search >= 0.5 ? 'searching ' : ''}${who}`;
}

const level = (x: number, low: number, high: number): Level =>
  x < low ? 'low' : x < high ? 'medium' : 'high';

export interface CohortInput {
  /** 1-based number of the cohort (1 = largest). */
  index: number;
  sessions: readonly SessionFeatures[];
  totalSessions: number;
  source: string[];
}

/**
 * The persona standing for one cohort: goal from its purchase rate, patience from its session
 * length (under 4 steps low, under 10 medium), thoroughness from its product views (under 1 low,
 * under 3 medium); demographics, price sensitivity and brand loyalty are the most common of the
 * personas its traces carry (placeholders, said so in the background, when none does).
 */
export function cohortPersona(input: CohortInput): Persona {
  const { sessions } = input;
  const means = featureMeans(sessions);
  const known = sessions.flatMap((s) => (s.persona ? [s.persona] : []));
  const queries = mostCommon(sessions.map((s) => s.queries));
  const products = mostCommon(sessions.map((s) => s.products.map((p) => p.split('/').pop()!)));
  const weight = sessions.length / input.totalSessions;
  const buy = means.purchase >= BUY_THRESHOLD;
  const what = queries[0] ?? null;
  const age = median(known.map((p) => p.demographics.age));
  const budget = median(known.flatMap((p) => (p.budget === null ? [] : [p.budget])));
  const notes = [
    `Stands for ${sessions.length} of ${input.totalSessions} human sessions ` +
      `(${(weight * 100).toFixed(1)}% of the audience): ${behaviourText(means)}.`,
    known.length
      ? `Demographics and style from the ${known.length} session personas of the cohort.`
      : 'The traces hold no personas: demographics, price sensitivity and brand loyalty are placeholders.',
  ];
  return Persona.parse({
    id: `cohort-${input.index}`,
    display_name: `Cohort ${input.index}: ${label(means)}`,
    demographics: {
      age: age === null ? 35 : Math.round(age),
      gender: mode(known.map((p) => p.demographics.gender)) ?? 'unspecified',
      income_band: mode(known.map((p) => p.demographics.income_band)) ?? 'middle',
      location: mode(known.map((p) => p.demographics.location)) ?? 'unspecified',
    },
    shopping_style: {
      patience: level(means.steps, 4, 10),
      thoroughness: level(means.product_views, 1, 3),
      price_sensitivity: mode(known.map((p) => p.shopping_style.price_sensitivity)) ?? 'medium',
      brand_loyalty: mode(known.map((p) => p.shopping_style.brand_loyalty)) ?? 'medium',
    },
    intent: buy
      ? `Buy ${what ?? 'something from the shop'} today.`
      : `Look around for ${what ?? 'whatever catches the eye'}; not buying today.`,
    goal: buy ? 'buy' : 'browse',
    budget,
    preferred_brands: [],
    background: notes.join(' '),
    weight,
    fitted: {
      sessions: sessions.length,
      means,
      top_queries: queries,
      top_products: products,
      source: input.source,
    },
  });
}
