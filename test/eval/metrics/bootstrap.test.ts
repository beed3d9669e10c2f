import { describe, expect, it } from 'vitest';
import { bootstrapInterval, groupBy, quantile } from '../../../src/eval/metrics/bootstrap.js';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

describe('bootstrapInterval', () => {
  it('is deterministic for a seed and varies with it', () => {
    const groups = [[0], [1], [1], [0], [1], [0, 0, 1]];
    const a = bootstrapInterval(groups, mean, { resamples: 200, seed: 5 });
    expect(bootstrapInterval(groups, mean, { resamples: 200, seed: 5 })).toEqual(a);
    expect(a![0]).toBeLessThan(a![1]);
  });

  it('spans the extremes when sessions are all-or-nothing', () => {
    // two sessions, one all wrong, one all right: resample means are 0, 0.5 or 1 with
    // probabilities 1/4, 1/2, 1/4, so the 2.5% and 97.5% quantiles are 0 and 1.
    expect(bootstrapInterval([[0], [1]], mean, { resamples: 1000, seed: 1 })).toEqual([0, 1]);
  });

  it('returns null with no groups or when the statistic is never defined', () => {
    expect(bootstrapInterval([], mean, { resamples: 10, seed: 1 })).toBeNull();
    expect(bootstrapInterval([[1]], () => null, { resamples: 10, seed: 1 })).toBeNull();
  });
});

describe('helpers', () => {
  it('quantile interpolates linearly', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([7], 0.975)).toBe(7);
  });

  it('groupBy keeps first-seen order', () => {
    expect(groupBy(['b1', 'a1', 'b2'], (s) => s[0]!)).toEqual([['b1', 'b2'], ['a1']]);
  });
});
