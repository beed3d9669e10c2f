import { bulletList, code, document, heading, table } from '../../report/markdown.js';
import { fixed, percent } from '../../report/format.js';
import { CLICK_TYPES } from '../click-type.js';
import { PUBLISHED_HUMAN_AGGREGATES } from '../published.js';
import type { CompareResult, PopulationSummary } from './compare.js';
import { FUNNEL_STAGES } from './population.js';
import { VERDICT_THRESHOLDS } from './verdict.js';

/** Below this many sessions on either side, the report warns that distances are noisy. */
const SMALL_POPULATION = 30;

const DISTANCE_NAMES = {
  jensen_shannon: 'Jensen–Shannon (base 2)',
  ks: 'KS statistic',
  abs_diff: 'absolute difference',
  mean_abs_diff: 'mean absolute difference',
  one_minus_jaccard: '1 − Jaccard',
} as const;

function share(count: number | undefined, total: number): string {
  return percent(total ? (count ?? 0) / total : null, 1);
}

function sharesTable(
  label: string,
  keys: string[],
  sim: Record<string, number>,
  hum: Record<string, number>,
): string {
  const st = Object.values(sim).reduce((a, b) => a + b, 0);
  const ht = Object.values(hum).reduce((a, b) => a + b, 0);
  return table(
    [label, 'simulated', 'human'],
    keys
      .filter((k) => sim[k] || hum[k])
      .map((k) => [
        k,
        `${share(sim[k], st)} (${sim[k] ?? 0})`,
        `${share(hum[k], ht)} (${hum[k] ?? 0})`,
      ]),
  );
}

function orderedKeys(preferred: readonly string[], ...maps: Record<string, number>[]): string[] {
  const extra = maps.flatMap((m) => Object.keys(m)).filter((k) => !preferred.includes(k));
  return [...preferred, ...[...new Set(extra)].sort()];
}

/** The Markdown report of a population comparison. */
export function renderCompareReport(r: CompareResult): string {
  const s = r.simulated;
  const h = r.human;
  return document([
    heading(1, 'Simulated vs human sessions'),
    `Simulated: ${code(s.path)} (${s.sessions} sessions, ${s.steps} steps). Human: ${code(h.path)} (${h.sessions} sessions, ${h.steps} steps). shopsim ${r.shopsim_version}, ${r.created_at}.`,
    s.unfinished || h.unfinished
      ? `Left out as unfinished (no end line, or stopped by Ctrl-C): ${s.unfinished} simulated, ${h.unfinished} human.`
      : null,
    heading(2, 'Verdict'),
    table(
      ['dimension', 'distance', 'measure', 'verdict'],
      r.dimensions.map((d) => [
        d.label,
        fixed(d.distance),
        DISTANCE_NAMES[d.kind],
        d.verdict ?? 'n/a',
      ]),
    ),
    Math.min(s.sessions, h.sessions) < SMALL_POPULATION
      ? `Warning: with fewer than ${SMALL_POPULATION} sessions on a side, these distances are noisy; treat the verdicts as indicative only.`
      : null,
    `${r.summary.close} close, ${r.summary.moderate} moderate, ${r.summary.far} far${r.summary['n/a'] ? `, ${r.summary['n/a']} not measurable` : ''}.`,
    heading(2, 'Action types'),
    sharesTable(
      'action type',
      orderedKeys(['click', 'type_and_submit', 'terminate'], s.actionTypes, h.actionTypes),
      s.actionTypes,
      h.actionTypes,
    ),
    heading(2, 'Click types'),
    sharesTable(
      'click type',
      orderedKeys(CLICK_TYPES, s.clickTypes, h.clickTypes),
      s.clickTypes,
      h.clickTypes,
    ),
    `Click types inferred from element names (no click_type in the trace): simulated ${s.clickTypesInferred}, human ${h.clickTypesInferred}.`,
    heading(2, 'Session length and outcome'),
    table(
      ['', 'simulated', 'human', `published human (${PUBLISHED_HUMAN_AGGREGATES.source})`],
      [
        ['sessions', s.sessions, h.sessions, null],
        [
          'mean steps',
          fixed(s.length.mean, 2),
          fixed(h.length.mean, 2),
          fixed(PUBLISHED_HUMAN_AGGREGATES.actions_per_session, 1),
        ],
        ['median steps', fixed(s.length.median, 1), fixed(h.length.median, 1), null],
        ['90th percentile', fixed(s.length.p90, 1), fixed(h.length.p90, 1), null],
        ['longest', s.length.max, h.length.max, null],
        ['purchase rate', rate(s), rate(h), percent(PUBLISHED_HUMAN_AGGREGATES.purchase_rate, 0)],
      ],
    ),
    heading(2, 'Funnel'),
    'Share of sessions reaching each stage (stages counted independently).',
    table(
      ['stage', 'simulated', 'human'],
      FUNNEL_STAGES.map((st) => [
        st,
        `${percent(s.funnelShares[st] ?? null, 1)} (${s.funnel[st]})`,
        `${percent(h.funnelShares[st] ?? null, 1)} (${h.funnel[st]})`,
      ]),
    ),
    heading(2, 'Search queries'),
    `${s.queries} simulated and ${h.queries} human queries.`,
    bulletList([
      `shared terms: ${r.query_terms.shared.join(', ') || '(none)'}`,
      `simulated only: ${r.query_terms.simulated_only.join(', ') || '(none)'}`,
      `human only: ${r.query_terms.human_only.join(', ') || '(none)'}`,
    ]),
    heading(2, 'Definitions'),
    bulletList([
      "Click types: a step's click_type when the trace has one, else inferred from the element's semantic name, href and kind (the classifier the eval uses).",
      'Purchase: the session end line says purchase, or the last step is a click whose click type is purchase.',
      'Funnel stages: search = any type_and_submit or click on a search/suggested-term control; product = any click on a product link; cart = any click on an add_to_cart control or a cart control; purchase as above.',
      'Query terms: lowercased words of all type_and_submit texts; overlap is the Jaccard index of the two term sets.',
      ...Object.entries(VERDICT_THRESHOLDS).map(
        ([k, t]) =>
          `${DISTANCE_NAMES[k as keyof typeof DISTANCE_NAMES]}: close ≤ ${t.close}, moderate ≤ ${t.moderate}, else far.`,
      ),
    ]),
  ]);
}

function rate(p: PopulationSummary): string {
  return `${percent(p.purchaseRate, 1)} (${p.purchases})`;
}
