import { mulberry32 } from '../../prng.js';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Two-sided confidence level, e.g. 0.95. */
  level?: number;
}

export type Interval = [number, number];

/**
 * Percentile bootstrap interval of a statistic, resampling whole groups (sessions) with
 * replacement, so steps of one session stay together. Resamples where the statistic is undefined
 * (null) are skipped; the interval is null when no resample defines it. Deterministic for a seed.
 */
export function bootstrapInterval<T>(
  groups: readonly (readonly T[])[],
  statistic: (items: T[]) => number | null,
  options: BootstrapOptions,
): Interval | null {
  if (groups.length === 0 || options.resamples <= 0) return null;
  const rng = mulberry32(options.seed);
  const values: number[] = [];
  for (let r = 0; r < options.resamples; r++) {
    const sample: T[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[Math.floor(rng() * groups.length)]!;
      for (const item of group) sample.push(item);
    }
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const alpha = (1 - (options.level ?? 0.95)) / 2;
  return [quantile(values, alpha), quantile(values, 1 - alpha)];
}

/**
 * The same percentile bootstrap for statistics of additive per-session tallies: each session is a
 * fixed-length vector, a resample is the sum of the drawn sessions' vectors, and every statistic
 * is computed on the same resamples. Draws exactly like bootstrapInterval for a seed, so both give
 * the same intervals; this one costs O(resamples x sessions x vector length), fast for large sets.
 */
export function bootstrapSums(
  vectors: readonly (readonly number[])[],
  statistics: readonly ((sum: Float64Array) => number | null)[],
  options: BootstrapOptions,
): (Interval | null)[] {
  if (vectors.length === 0 || options.resamples <= 0) return statistics.map(() => null);
  const width = vectors[0]!.length;
  const rng = mulberry32(options.seed);
  const values: number[][] = statistics.map(() => []);
  const sum = new Float64Array(width);
  for (let r = 0; r < options.resamples; r++) {
    sum.fill(0);
    for (let i = 0; i < vectors.length; i++) {
      const v = vectors[Math.floor(rng() * vectors.length)]!;
      for (let k = 0; k < width; k++) sum[k]! += v[k]!;
    }
    statistics.forEach((statistic, s) => {
      const value = statistic(sum);
      if (value !== null && Number.isFinite(value)) values[s]!.push(value);
    });
  }
  const alpha = (1 - (options.level ?? 0.95)) / 2;
  return values.map((list) => {
    if (list.length === 0) return null;
    list.sort((a, b) => a - b);
    return [quantile(list, alpha), quantile(list, 1 - alpha)];
  });
}

/** Linear-interpolated quantile of sorted values (type 7, as R and numpy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Items grouped by a key, groups in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
