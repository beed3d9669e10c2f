/** Distances between two populations' distributions. Pure. */

/** Count maps -> probability vectors over the union of their keys (sorted). */
export function alignShares(
  a: Record<string, number>,
  b: Record<string, number>,
): { keys: string[]; p: number[]; q: number[] } | null {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const total = (m: Record<string, number>) => Object.values(m).reduce((s, v) => s + v, 0);
  const ta = total(a);
  const tb = total(b);
  if (ta === 0 || tb === 0) return null;
  return { keys, p: keys.map((k) => (a[k] ?? 0) / ta), q: keys.map((k) => (b[k] ?? 0) / tb) };
}

/**
 * Jensen–Shannon divergence (base 2, so 0 = identical, 1 = disjoint) between two categorical
 * distributions given as counts. Null when either side has no observations.
 */
export function jensenShannon(a: Record<string, number>, b: Record<string, number>): number | null {
  const aligned = alignShares(a, b);
  if (!aligned) return null;
  const { p, q } = aligned;
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    if (p[i]! > 0) sum += 0.5 * p[i]! * Math.log2(p[i]! / m);
    if (q[i]! > 0) sum += 0.5 * q[i]! * Math.log2(q[i]! / m);
  }
  return Math.min(1, Math.max(0, sum));
}

/** Two-sample Kolmogorov–Smirnov statistic: the largest gap between the two empirical CDFs. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const xs = [...a].sort((x, y) => x - y);
  const ys = [...b].sort((x, y) => x - y);
  const points = [...new Set([...xs, ...ys])].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let d = 0;
  for (const v of points) {
    while (i < xs.length && xs[i]! <= v) i++;
    while (j < ys.length && ys[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / xs.length - j / ys.length));
  }
  return d;
}

/** |A ∩ B| / |A ∪ B|; null when both sets are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number | null {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return null;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / union.size;
}
