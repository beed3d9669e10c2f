import { weightedToAudience } from '../personas/audience.js';
import { BINARY_METRICS, NUMERIC_METRICS, type SessionMetrics } from './metrics.js';

/**
 * One metric of both arms weighted to the audience: each persona's own mean over its pairs
 * measured in both arms (rates for yes/no metrics), counted by the persona's weight. Point
 * estimates only: the paired tests and intervals stay on the unweighted pairs.
 */
export interface AudienceRow {
  metric: string;
  kind: 'binary' | 'numeric';
  control: number;
  treatment: number;
  /** Treatment minus control, both weighted. */
  difference: number;
  /** Personas that measured the metric (the weights are renormalised over them). */
  personas: number;
}

interface MeasuredPair {
  persona: string;
  control: { metrics: SessionMetrics };
  treatment: { metrics: SessionMetrics };
}

const asNumber = (v: boolean | number | null | undefined): number | null =>
  typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);

/** Every metric measured by some weighted persona, in report order (yes/no metrics first). */
export function audienceRows(
  pairs: readonly MeasuredPair[],
  weights: ReadonlyMap<string, number>,
): AudienceRow[] {
  const rows: AudienceRow[] = [];
  const metrics = [
    ...BINARY_METRICS.map((m) => ({ metric: m as string, kind: 'binary' as const })),
    ...NUMERIC_METRICS.map((m) => ({ metric: m, kind: 'numeric' as const })),
  ];
  for (const { metric, kind } of metrics) {
    const sums = new Map<string, { c: number; t: number; n: number }>();
    for (const pair of pairs) {
      const c = asNumber(pair.control.metrics[metric]);
      const t = asNumber(pair.treatment.metrics[metric]);
      if (c === null || t === null) continue;
      const s = sums.get(pair.persona) ?? { c: 0, t: 0, n: 0 };
      sums.set(pair.persona, { c: s.c + c, t: s.t + t, n: s.n + 1 });
    }
    const side = (f: (s: { c: number; t: number; n: number }) => number) =>
      weightedToAudience(new Map([...sums].map(([p, s]) => [p, f(s) / s.n])), weights);
    const control = side((s) => s.c);
    const treatment = side((s) => s.t);
    if (control === null || treatment === null) continue;
    const personas = [...sums.keys()].filter((p) => (weights.get(p) ?? 0) > 0).length;
    rows.push({ metric, kind, control, treatment, difference: treatment - control, personas });
  }
  return rows;
}
