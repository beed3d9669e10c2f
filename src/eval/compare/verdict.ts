/** Close / moderate / far, by distance thresholds per kind of distance. */
export type Verdict = 'close' | 'moderate' | 'far';

export type DistanceKind =
  'jensen_shannon' | 'ks' | 'abs_diff' | 'mean_abs_diff' | 'one_minus_jaccard';

/**
 * Upper bounds (inclusive) for close and moderate; anything above is far.
 * - Jensen–Shannon (base 2) of shares: <= 0.05 close, <= 0.15 moderate. 0.05 is roughly a 15-point
 *   shift of one share between two classes; 0.15 roughly a 30-point one.
 * - KS statistic of session lengths: <= 0.15 close, <= 0.30 moderate (the largest CDF gap).
 * - Rates (purchase rate) and the funnel's mean absolute stage difference: <= 0.05 close,
 *   <= 0.15 moderate (5 and 15 percentage points).
 * - Query overlap as 1 - Jaccard of term sets: <= 0.5 close, <= 0.8 moderate (search wording
 *   varies a lot even between humans, so the bounds are loose).
 */
export const VERDICT_THRESHOLDS: Record<DistanceKind, { close: number; moderate: number }> = {
  jensen_shannon: { close: 0.05, moderate: 0.15 },
  ks: { close: 0.15, moderate: 0.3 },
  abs_diff: { close: 0.05, moderate: 0.15 },
  mean_abs_diff: { close: 0.05, moderate: 0.15 },
  one_minus_jaccard: { close: 0.5, moderate: 0.8 },
};

export function verdict(kind: DistanceKind, distance: number | null): Verdict | null {
  if (distance === null) return null;
  const t = VERDICT_THRESHOLDS[kind];
  // a hair of tolerance so 0.15 computed as 0.15000000000000002 is still moderate
  const d = distance - 1e-12;
  return d <= t.close ? 'close' : d <= t.moderate ? 'moderate' : 'far';
}
