import { describe, expect, it } from 'vitest';
import { discordantConfidenceSequence } from '../../../src/ab/stats/confidence-sequence.js';
import { mixtureLogBayesFactor } from '../../../src/ab/stats/sequential.js';

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

describe('discordantConfidenceSequence', () => {
  it('is everything before any discordant pair', () => {
    expect(discordantConfidenceSequence(0, 0)).toEqual([0, 1]);
  });

  it('c = 8, b = 0, alpha 0.05: {p : (1/9) / p^8 < 20} = (180^(-1/8), 1]', () => {
    // B(9, 1) / B(1, 1) = 1/9; the likelihood ratio against p is (1/9) / p^8.
    const [lower, upper] = discordantConfidenceSequence(0, 8);
    close(lower, 180 ** (-1 / 8)); // 0.522505584918388: excludes 1/2, as the test decides
    expect(upper).toBe(1);
    // One pair earlier: (160^(-1/7), 1] = (0.484312542963499, 1] still holds 1/2.
    close(discordantConfidenceSequence(0, 7)[0], 160 ** (-1 / 7));
  });

  it('mirrors when b and c swap', () => {
    const [lo, hi] = discordantConfidenceSequence(3, 11);
    const [mlo, mhi] = discordantConfidenceSequence(11, 3);
    close(mlo, 1 - hi);
    close(mhi, 1 - lo);
  });

  it('excludes 1/2 exactly when the mixture Bayes factor reaches 1/alpha', () => {
    for (let b = 0; b <= 25; b++) {
      for (let c = 0; c <= 25; c++) {
        const [lo, hi] = discordantConfidenceSequence(b, c, { alpha: 0.1, priorA: 2 });
        const decided = mixtureLogBayesFactor(b, c, 2) >= Math.log(10);
        expect(lo > 0.5 || hi < 0.5).toBe(decided);
        expect(lo).toBeLessThanOrEqual(c / Math.max(1, b + c) + 1e-15);
      }
    }
  });

  it('narrows as discordant pairs accumulate', () => {
    const width = (b: number, c: number) => {
      const [lo, hi] = discordantConfidenceSequence(b, c);
      return hi - lo;
    };
    expect(width(30, 30)).toBeLessThan(width(10, 10));
    expect(width(300, 300)).toBeLessThan(width(30, 30));
  });
});
