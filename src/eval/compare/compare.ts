import type { Trace } from '../../traces/schema.js';
import { SHOPSIM_VERSION } from '../../version.js';
import { quantile } from '../metrics/bootstrap.js';
import { jaccard, jensenShannon, ksStatistic } from './distances.js';
import { describePopulation, FUNNEL_STAGES, type PopulationStats } from './population.js';
import { verdict, VERDICT_THRESHOLDS, type DistanceKind, type Verdict } from './verdict.js';

export interface PopulationSummary extends PopulationStats {
  path: string;
  /** Sessions left out: no end line (a killed run) or stopped by Ctrl-C. */
  unfinished: number;
  purchaseRate: number | null;
  funnelShares: Record<string, number | null>;
  length: { mean: number | null; median: number | null; p90: number | null; max: number | null };
}

export interface Dimension {
  key: string;
  label: string;
  kind: DistanceKind;
  distance: number | null;
  verdict: Verdict | null;
}

/** compare.json: simulated vs human sessions as populations. */
export interface CompareResult {
  kind: 'compare';
  shopsim_version: string;
  created_at: string;
  out_dir: string;
  simulated: PopulationSummary;
  human: PopulationSummary;
  dimensions: Dimension[];
  summary: Record<Verdict | 'n/a', number>;
  query_terms: { shared: string[]; simulated_only: string[]; human_only: string[] };
  thresholds: typeof VERDICT_THRESHOLDS;
}

/**
 * Sessions that ended by themselves: simulated sessions without an end line were cut off (a killed
 * run) and interrupted ones were stopped by the user; neither says anything about shoppers. A
 * human session is what the dataset holds, end line or not.
 */
export function finishedSessions(traces: readonly Trace[]): Trace[] {
  return traces.filter(
    (t) => t.end?.outcome !== 'interrupted' && (t.end !== null || t.header.source !== 'simulated'),
  );
}

function summarize(path: string, traces: readonly Trace[]): PopulationSummary {
  const finished = finishedSessions(traces);
  const stats = describePopulation(finished);
  const n = stats.sessions;
  const sorted = [...stats.lengths].sort((a, b) => a - b);
  return {
    path,
    unfinished: traces.length - finished.length,
    ...stats,
    purchaseRate: n ? stats.purchases / n : null,
    funnelShares: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, n ? stats.funnel[s] / n : null])),
    length: {
      mean: n ? stats.steps / n : null,
      median: n ? quantile(sorted, 0.5) : null,
      p90: n ? quantile(sorted, 0.9) : null,
      max: n ? sorted[sorted.length - 1]! : null,
    },
  };
}

/** Most used terms first, then alphabetical. */
function topTerms(terms: string[], counts: Record<string, number>, limit = 15): string[] {
  return terms
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b))
    .slice(0, limit);
}

/** Compares free-running simulated sessions with human sessions. Pure apart from the clock. */
export function comparePopulations(
  simulated: { path: string; traces: readonly Trace[] },
  human: { path: string; traces: readonly Trace[] },
  outDir: string,
): CompareResult {
  const sim = summarize(simulated.path, simulated.traces);
  const hum = summarize(human.path, human.traces);
  const funnelGap =
    sim.sessions && hum.sessions
      ? FUNNEL_STAGES.reduce(
          (s, st) => s + Math.abs(sim.funnelShares[st]! - hum.funnelShares[st]!),
          0,
        ) / FUNNEL_STAGES.length
      : null;
  const simTerms = new Set(Object.keys(sim.queryTerms));
  const humTerms = new Set(Object.keys(hum.queryTerms));
  const overlap = jaccard(simTerms, humTerms);
  const dims: Omit<Dimension, 'verdict'>[] = [
    {
      key: 'action_types',
      label: 'Action-type shares',
      kind: 'jensen_shannon',
      distance: jensenShannon(sim.actionTypes, hum.actionTypes),
    },
    {
      key: 'click_types',
      label: 'Click-type shares',
      kind: 'jensen_shannon',
      distance: jensenShannon(sim.clickTypes, hum.clickTypes),
    },
    {
      key: 'session_length',
      label: 'Session length distribution',
      kind: 'ks',
      distance: ksStatistic(sim.lengths, hum.lengths),
    },
    {
      key: 'purchase_rate',
      label: 'Purchase rate',
      kind: 'abs_diff',
      distance:
        sim.purchaseRate !== null && hum.purchaseRate !== null
          ? Math.abs(sim.purchaseRate - hum.purchaseRate)
          : null,
    },
    {
      key: 'funnel',
      label: 'Funnel (search → product → cart → purchase)',
      kind: 'mean_abs_diff',
      distance: funnelGap,
    },
    {
      key: 'query_terms',
      label: 'Search query terms',
      kind: 'one_minus_jaccard',
      distance: overlap === null ? null : 1 - overlap,
    },
  ];
  const dimensions = dims.map((d) => ({ ...d, verdict: verdict(d.kind, d.distance) }));
  const summary: CompareResult['summary'] = { close: 0, moderate: 0, far: 0, 'n/a': 0 };
  for (const d of dimensions) summary[d.verdict ?? 'n/a'] += 1;
  const both = { ...sim.queryTerms };
  for (const [k, v] of Object.entries(hum.queryTerms)) both[k] = (both[k] ?? 0) + v;
  return {
    kind: 'compare',
    shopsim_version: SHOPSIM_VERSION,
    created_at: new Date().toISOString(),
    out_dir: outDir,
    simulated: sim,
    human: hum,
    dimensions,
    summary,
    query_terms: {
      shared: topTerms(
        [...simTerms].filter((t) => humTerms.has(t)),
        both,
      ),
      simulated_only: topTerms(
        [...simTerms].filter((t) => !humTerms.has(t)),
        sim.queryTerms,
      ),
      human_only: topTerms(
        [...humTerms].filter((t) => !simTerms.has(t)),
        hum.queryTerms,
      ),
    },
    thresholds: VERDICT_THRESHOLDS,
  };
}
