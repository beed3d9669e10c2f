import { describe, expect, it } from 'vitest';
import {
  meanDifference,
  pairedBootstrap,
  type NumericPair,
} from '../../../src/ab/stats/paired-bootstrap.js';
import { mulberry32 } from '../../../src/prng.js';
import { UsageError } from '../../../src/errors.js';

const pairs = (diffs: number[], base = 0): NumericPair[] =>
  diffs.map((d, i) => ({ control: base + i, treatment: base + i + d }));

describe('pairedBootstrap', () => {
  it('gives a zero-width interval when every pair differs by the same amount', () => {
    // Every resample is n copies of the difference 2, so every resample mean is exactly 2.
    const r = pairedBootstrap(pairs([2, 2, 2, 2, 2]), meanDifference, { resamples: 500, seed: 9 });
    expect(r).toEqual({ estimate: 2, interval: [2, 2], level: 0.95, resamples: 500, seed: 9 });
  });

  it('keeps pairs together: wildly varying arms with a constant difference give no width', () => {
    // Control 0, 1000, 2000, ...: an unpaired bootstrap of the two means would be ~1000 wide.
    const varying = [0, 1, 2, 3, 4, 5].map((i) => ({ control: 1000 * i, treatment: 1000 * i + 1 }));
    const r = pairedBootstrap(varying, meanDifference, { resamples: 300, seed: 4 });
    expect(r.interval).toEqual([1, 1]);
  });

  it('two pairs with differences 0 and 1: resample means 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4', () => {
    // By enumeration of the four equally likely index draws (0,0) (0,1) (1,0) (1,1). At 95% the
    // 2.5% and 97.5% quantiles fall among the ~25% zeros and ~25% ones: [0, 1]. At 40% the 30%
    // and 70% quantiles fall among the ~50% halves: [0.5, 0.5].
    const two = pairs([0, 1]);
    expect(pairedBootstrap(two, meanDifference, { resamples: 4000, seed: 3 }).interval).toEqual([
      0, 1,
    ]);
    const narrow = pairedBootstrap(two, meanDifference, { resamples: 4000, seed: 3, level: 0.4 });
    expect(narrow.interval).toEqual([0.5, 0.5]);
    expect(narrow.estimate).toBe(0.5);
  });

  it('draws pair indices floor(u * n) from mulberry32(seed), in order', () => {
    // One resample of three pairs: indices from the first three draws, so the interval is the
    // mean of those three differences at both ends.
    const diffs = [10, 20, 40];
    const rng = mulberry32(77);
    const drawn = [0, 1, 2].map(() => diffs[Math.floor(rng() * 3)]!);
    const expected = drawn.reduce((s, x) => s + x, 0) / 3;
    const r = pairedBootstrap(pairs(diffs), meanDifference, { resamples: 1, seed: 77 });
    expect(r.interval).toEqual([expected, expected]);
  });

  it('is deterministic for a seed, varies with it, and takes any statistic', () => {
    const data = pairs([3, -1, 4, 1, -5, 9, 2, -6, 5, 3]);
    const a = pairedBootstrap(data, meanDifference, { resamples: 400, seed: 1 });
    expect(pairedBootstrap(data, meanDifference, { resamples: 400, seed: 1 })).toEqual(a);
    expect(pairedBootstrap(data, meanDifference, { resamples: 400, seed: 2 }).interval).not.toEqual(
      a.interval,
    );
    close(a.estimate, 1.5);
    expect(a.interval![0]).toBeLessThan(1.5);
    expect(a.interval![1]).toBeGreaterThan(1.5);
    const share = (s: readonly NumericPair[]) =>
      s.filter((p) => p.treatment > p.control).length / s.length;
    const r = pairedBootstrap(data, share, { resamples: 400, seed: 1 });
    expect(r.estimate).toBe(0.7);
  });

  it('gives no interval when the statistic is never finite, and refuses no pairs', () => {
    const r = pairedBootstrap(pairs([1, 2]), () => Number.NaN, { resamples: 10, seed: 1 });
    expect(r.interval).toBeNull();
    expect(() => pairedBootstrap([], meanDifference, { resamples: 10, seed: 1 })).toThrow(
      UsageError,
    );
    expect(() => pairedBootstrap(pairs([1]), meanDifference, { resamples: 1.5, seed: 1 })).toThrow(
      UsageError,
    );
  });
});

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThan(1e-12);
}
