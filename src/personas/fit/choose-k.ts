import { distinctCount, kmeans, squaredDistance, type Clustering } from './kmeans.js';

/** Largest k tried when --k is not given. */
export const MAX_K = 6;

/**
 * Below this best mean silhouette the data show no substantial cluster structure (Kaufman &
 * Rousseeuw, Finding Groups in Data, 1990: 0.26–0.50 weak, below that none), so one cohort is
 * fitted.
 */
export const MIN_SILHOUETTE = 0.25;

/**
 * Mean silhouette of a clustering: for each point, (b − a) / max(a, b) with a its mean distance
 * to the other points of its cluster and b its mean distance to the nearest other cluster; a point
 * alone in its cluster scores 0, as does a point with a = b = 0.
 */
export function silhouette(points: readonly number[][], assignments: readonly number[]): number {
  const k = Math.max(...assignments) + 1;
  const scores = points.map((p, i) => {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    points.forEach((q, j) => {
      if (i === j) return;
      sums[assignments[j]!]! += Math.sqrt(squaredDistance(p, q));
      counts[assignments[j]!]! += 1;
    });
    const own = assignments[i]!;
    if (counts[own] === 0) return 0;
    const a = sums[own]! / counts[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    const scale = Math.max(a, b);
    return scale > 0 && Number.isFinite(b) ? (b - a) / scale : 0;
  });
  return scores.reduce((s, x) => s + x, 0) / points.length;
}

export interface KChoice {
  k: number;
  clustering: Clustering;
  /** How k was chosen, in words for the summary. */
  rule: string;
  /** Mean silhouette of each k tried (empty when k was given or only one cohort was possible). */
  scores: { k: number; silhouette: number }[];
}

/**
 * Largest k tried for n sessions: MAX_K, the rule of thumb √(n/2) (Mardia, Kent & Bibby 1979; it
 * keeps small samples from splitting into cohorts of one or two sessions) and the number of
 * distinct sessions.
 */
export function largestK(n: number, distinct: number): number {
  return Math.min(MAX_K, Math.floor(Math.sqrt(n / 2)), distinct);
}

/**
 * The number of cohorts: `given` when set (at most the number of distinct sessions); otherwise
 * the k in 2..largestK with the highest mean silhouette (the smaller k on ties), or 1 when
 * largestK is below 2 or the best silhouette is below MIN_SILHOUETTE.
 */
export function chooseK(points: readonly number[][], seed: number, given: number | null): KChoice {
  const distinct = distinctCount(points);
  if (given !== null) {
    const k = Math.min(given, distinct);
    const note = k < given ? ` (only ${distinct} distinct sessions)` : '';
    return { k, clustering: kmeans(points, k, seed), rule: `--k ${given}${note}`, scores: [] };
  }
  const upper = largestK(points.length, distinct);
  const single = (rule: string, scores: KChoice['scores'] = []): KChoice => ({
    k: 1,
    clustering: kmeans(points, 1, seed),
    rule,
    scores,
  });
  if (upper < 2) {
    return single(
      `one cohort: ${points.length} sessions (${distinct} distinct) allow no k of 2 or more`,
    );
  }
  let best: { k: number; clustering: Clustering; score: number } | null = null;
  const scores: KChoice['scores'] = [];
  for (let k = 2; k <= upper; k++) {
    const clustering = kmeans(points, k, seed);
    const score = silhouette(points, clustering.assignments);
    scores.push({ k, silhouette: score });
    if (!best || score > best.score + 1e-9) best = { k, clustering, score };
  }
  if (best!.score < MIN_SILHOUETTE) {
    return single(
      `one cohort: best mean silhouette ${best!.score.toFixed(3)} (k=${best!.k}) is below ${MIN_SILHOUETTE}`,
      scores,
    );
  }
  return {
    k: best!.k,
    clustering: best!.clustering,
    rule: `highest mean silhouette over k=2..${upper}: ${best!.score.toFixed(3)}`,
    scores,
  };
}
