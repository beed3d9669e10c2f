import { UsageError } from '../../errors.js';
import { bootstrapInterval } from '../../eval/metrics/bootstrap.js';
import { checkCount, checkOpenUnit } from './arguments.js';
import type { Interval } from './interval.js';

export interface PairedBootstrapOptions {
  /** Number of bootstrap resamples, e.g. 2000. */
  resamples: number;
  /** Seed of the mulberry32 generator that draws the pair indices. */
  seed: number;
  /** Two-sided confidence level; default 0.95. */
  level?: number;
}

export interface PairedBootstrap {
  /** The statistic on the observed pairs. */
  estimate: number;
  /** Percentile interval; null when the statistic is undefined (not finite) on every resample. */
  interval: Interval | null;
  level: number;
  resamples: number;
  seed: number;
}

/** A numeric metric observed in both arms of one pair. */
export interface NumericPair {
  control: number;
  treatment: number;
}

/**
 * Percentile bootstrap interval of any statistic of paired observations. Whole pairs are
 * resampled with replacement (each draw picks the pair at index floor(u * n), u from
 * mulberry32(seed)), so a pair's two arms, which share a persona and seed, stay together: that
 * is what makes it a paired interval. Deterministic for a seed. The quantiles are linear
 * interpolations (type 7), as in the eval command's bootstrap, which this reuses.
 */
export function pairedBootstrap<T>(
  pairs: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: PairedBootstrapOptions,
): PairedBootstrap {
  if (pairs.length === 0) {
    throw new UsageError('a bootstrap interval needs at least one pair; run both arms first.');
  }
  checkCount('the number of bootstrap resamples', options.resamples);
  const level = options.level ?? 0.95;
  checkOpenUnit('the confidence level', level, '0.95');
  const interval = bootstrapInterval(
    pairs.map((pair) => [pair]),
    (sample) => {
      const value = statistic(sample);
      return Number.isFinite(value) ? value : null;
    },
    { resamples: options.resamples, seed: options.seed, level },
  );
  return {
    estimate: statistic(pairs),
    interval,
    level,
    resamples: options.resamples,
    seed: options.seed,
  };
}

/** Mean of treatment - control over the pairs (NaN for no pairs). */
export function meanDifference(pairs: readonly NumericPair[]): number {
  let sum = 0;
  for (const { control, treatment } of pairs) sum += treatment - control;
  return sum / pairs.length;
}
