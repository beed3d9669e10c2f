import { describe, expect, it } from 'vitest';
import { logBinomialLowerTail, logBinomialPmf } from '../../../src/ab/stats/binomial.js';
import reference from './fixtures/reference-values.json' with { type: 'json' };

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('logBinomialPmf', () => {
  it('is exact for Binomial(10, 1/2): C(10, k) / 1024', () => {
    close(logBinomialPmf(0, 10, 0.5), Math.log(1 / 1024));
    close(logBinomialPmf(3, 10, 0.5), Math.log(120 / 1024));
    close(logBinomialPmf(5, 10, 0.5), Math.log(252 / 1024));
    close(logBinomialPmf(10, 10, 0.5), Math.log(1 / 1024));
    expect(logBinomialPmf(11, 10, 0.5)).toBe(-Infinity);
    expect(logBinomialPmf(-1, 10, 0.5)).toBe(-Infinity);
  });

  it('is exact for Binomial(20, 0.3) at 7: C(20, 7) 0.3^7 0.7^13 with C(20, 7) = 77520', () => {
    close(logBinomialPmf(7, 20, 0.3), Math.log(77520) + 7 * Math.log(0.3) + 13 * Math.log(0.7));
  });

  it('keeps full precision at n = 100000 (central binomial asymptotics)', () => {
    // C(2m, m) / 4^m = (1 - 1/(8m) + 1/(128 m^2) - ...) / sqrt(pi m); at m = 50000 the next
    // term is 4e-17, so this is the log-probability to ~1e-16.
    const m = 50000;
    const expected = -0.5 * Math.log(Math.PI * m) + Math.log1p(-1 / (8 * m) + 1 / (128 * m * m));
    close(logBinomialPmf(m, 2 * m, 0.5), expected, 1e-14);
    // P(X = 0) = 2^-100000 underflows as a probability but not as a log.
    close(logBinomialPmf(0, 100000, 0.5), -100000 * Math.LN2, 1e-15);
  });
});

describe('logBinomialLowerTail', () => {
  it('is exact for Binomial(10, 1/2)', () => {
    close(logBinomialLowerTail(1, 10, 0.5), Math.log(11 / 1024)); // 1 + 10
    close(logBinomialLowerTail(3, 10, 0.5), Math.log(176 / 1024)); // 1 + 10 + 45 + 120
    close(logBinomialLowerTail(5, 10, 0.5), Math.log(638 / 1024)); // ... + 210 + 252
    // Above the mean it goes through the complement: 1 - (45 + 10 + 1) / 1024.
    close(logBinomialLowerTail(7, 10, 0.5), Math.log(968 / 1024));
    expect(logBinomialLowerTail(10, 10, 0.5)).toBe(0);
    expect(logBinomialLowerTail(-1, 10, 0.5)).toBe(-Infinity);
  });

  it('is (1 - P(X = n/2)) / 2 just below the centre at n = 100000', () => {
    const m = 50000;
    const centre = Math.exp(logBinomialPmf(m, 2 * m, 0.5));
    close(Math.exp(logBinomialLowerTail(m - 1, 2 * m, 0.5)), (1 - centre) / 2, 1e-14);
    close(Math.exp(logBinomialLowerTail(m, 2 * m, 0.5)), (1 + centre) / 2, 1e-14);
  });

  it('matches arbitrary-precision sums (fixtures/reference-values.json)', () => {
    for (const [k, n, p, expected] of reference.binomial_log_tail) {
      close(logBinomialLowerTail(k!, n!, p!), expected!, 1e-13);
    }
  });

  it('refuses a non-integer count', () => {
    expect(() => logBinomialLowerTail(2.5, 10, 0.5)).toThrow(/whole number/);
    expect(() => logBinomialPmf(2, 10.5, 0.5)).toThrow(/whole number/);
  });
});
