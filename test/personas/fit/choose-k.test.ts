import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/prng.js';
import {
  chooseK,
  largestK,
  MIN_SILHOUETTE,
  silhouette,
} from '../../../src/personas/fit/choose-k.js';
import { blobs, CENTRES } from './clusters.js';

describe('silhouette', () => {
  it('matches a hand computation', () => {
    // clusters {0, 1} and {4}: point 0 a=1 b=4 → 0.75; point 1 a=1 b=3 → 2/3; point 4 alone → 0
    expect(silhouette([[0], [1], [4]], [0, 0, 1])).toBeCloseTo((0.75 + 2 / 3 + 0) / 3, 12);
  });

  it('scores repeated points of one cluster 1, and a worse split lower', () => {
    expect(silhouette([[0], [0], [5], [5]], [0, 0, 1, 1])).toBe(1);
    expect(silhouette([[0], [0], [5], [5]], [0, 1, 0, 1])).toBeLessThan(0);
  });
});

describe('chooseK', () => {
  it('tries k up to min(6, √(n/2), distinct sessions)', () => {
    expect(largestK(7, 7)).toBe(1);
    expect(largestK(8, 8)).toBe(2);
    expect(largestK(60, 60)).toBe(5);
    expect(largestK(1000, 1000)).toBe(6);
    expect(largestK(1000, 3)).toBe(3);
  });

  it('finds the three clusters of a clear data set by the highest mean silhouette', () => {
    const choice = chooseK(blobs(CENTRES, 20), 1, null);
    expect(choice.k).toBe(3);
    expect(choice.scores.map((s) => s.k)).toEqual([2, 3, 4, 5]);
    const best = Math.max(...choice.scores.map((s) => s.silhouette));
    expect(choice.scores.find((s) => s.k === 3)!.silhouette).toBe(best);
    expect(choice.rule).toMatch(/highest mean silhouette over k=2\.\.5/);
  });

  it('fits one cohort when no k reaches the silhouette threshold', () => {
    const random = mulberry32(11);
    const noise = Array.from({ length: 60 }, () => Array.from({ length: 6 }, () => random()));
    const choice = chooseK(noise, 1, null);
    expect(choice.scores.length).toBe(4);
    expect(Math.max(...choice.scores.map((s) => s.silhouette))).toBeLessThan(MIN_SILHOUETTE);
    expect(choice.k).toBe(1);
    expect(new Set(choice.clustering.assignments)).toEqual(new Set([0]));
  });

  it('fits one cohort when the sessions are too few to try k of 2', () => {
    const choice = chooseK(blobs(CENTRES, 2), 1, null);
    expect(choice.k).toBe(1);
    expect(choice.scores).toEqual([]);
  });

  it('takes --k as given, at most the number of distinct sessions', () => {
    expect(chooseK(blobs(CENTRES, 20), 1, 4).k).toBe(4);
    const few = chooseK([[0], [0], [1], [1]], 1, 3);
    expect(few.k).toBe(2);
    expect(few.rule).toBe('--k 3 (only 2 distinct sessions)');
  });
});
