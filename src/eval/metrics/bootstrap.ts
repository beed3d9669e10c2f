import { createRng } from '../rng.js';

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
  const rng = createRng(options.seed);
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
