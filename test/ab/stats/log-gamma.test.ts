import { describe, expect, it } from 'vitest';
import { logBeta } from '../../../src/ab/stats/log-beta.js';
import { logGamma } from '../../../src/ab/stats/log-gamma.js';
import { UsageError } from '../../../src/errors.js';

/** log((n - 1)!) as a plain sum of logs: an independent check of logGamma at integers. */
function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

const closeRel = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('logGamma', () => {
  it('is log((n-1)!) at whole numbers', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    closeRel(logGamma(3), Math.LN2); // Gamma(3) = 2! = 2
    closeRel(logGamma(5), Math.log(24));
    for (const n of [7, 10, 15, 16, 30, 100, 171]) closeRel(logGamma(n), logFactorial(n - 1));
  });

  it('matches Gamma at half-integers: Gamma(1/2) = sqrt(pi), Gamma(3/2) = sqrt(pi)/2, Gamma(5/2) = 3 sqrt(pi)/4', () => {
    const logSqrtPi = 0.5 * Math.log(Math.PI);
    closeRel(logGamma(0.5), logSqrtPi);
    closeRel(logGamma(1.5), logSqrtPi - Math.LN2);
    closeRel(logGamma(2.5), logSqrtPi + Math.log(3 / 4));
  });

  it('handles small arguments through reflection: log Gamma(x) ~ -log x - gamma x near 0', () => {
    // Euler's gamma = 0.5772156649015329; the next term, pi^2/12 x^2, is 8e-17 at x = 1e-8.
    closeRel(logGamma(1e-8), -Math.log(1e-8) - 0.5772156649015329e-8, 1e-15);
    // Gamma(0.1) = Gamma(1.1) / 0.1 = 9.513507698668731836292487 (mpmath, 25 digits).
    closeRel(logGamma(0.1), Math.log(9.513507698668732));
  });

  it('satisfies log Gamma(x + 1) = log Gamma(x) + log x', () => {
    for (const x of [0.3, 0.9, 1.7, 3.25, 9.99, 14.5, 42.42, 777.7]) {
      closeRel(logGamma(x + 1), logGamma(x) + Math.log(x));
    }
  });

  it("agrees with Stirling's series for large arguments", () => {
    for (const x of [1e3, 1e5, 1e7]) {
      const stirling =
        (x - 0.5) * Math.log(x) -
        x +
        0.5 * Math.log(2 * Math.PI) +
        1 / (12 * x) -
        1 / (360 * x ** 3);
      closeRel(logGamma(x), stirling, 1e-15);
    }
  });

  it('refuses arguments it cannot take', () => {
    expect(() => logGamma(0)).toThrow(UsageError);
    expect(() => logGamma(-2.5)).toThrow(/above 0/);
    expect(() => logGamma(Number.NaN)).toThrow(UsageError);
  });
});

describe('logBeta', () => {
  it('is exact for small whole and half arguments: B(p, q) = (p-1)!(q-1)!/(p+q-1)!', () => {
    expect(logBeta(1, 1)).toBe(0);
    closeRel(logBeta(6, 1), Math.log(1 / 6));
    closeRel(logBeta(2, 3), Math.log(1 / 12)); // 1! 2! / 4! = 2 / 24
    closeRel(logBeta(7, 2), Math.log(1 / 56)); // 6! 1! / 8! = 1 / 56
    closeRel(logBeta(0.5, 0.5), Math.log(Math.PI));
  });

  it('keeps precision in the Stirling branches (one or both arguments >= 10)', () => {
    // B(1, q) = 1/q and B(2, q) = 1/(q (q + 1)): the mixed branch.
    closeRel(logBeta(1, 100000), -Math.log(100000), 1e-15);
    closeRel(logBeta(100000, 2), -Math.log(100000) - Math.log(100001), 1e-15);
    // B(10, 15) = 9! 14! / 24!: both large.
    closeRel(logBeta(10, 15), logFactorial(9) + logFactorial(14) - logFactorial(24));
    closeRel(logBeta(3, 12), logFactorial(2) + logFactorial(11) - logFactorial(14));
  });

  it('is symmetric and satisfies B(p, q) = B(p + 1, q) + B(p, q + 1)', () => {
    for (const [p, q] of [
      [0.7, 3],
      [4, 11],
      [12.5, 40],
      [5001, 4999],
      [1.5, 50000],
    ] as const) {
      expect(logBeta(p, q)).toBe(logBeta(q, p));
      const right = Math.log(
        Math.exp(logBeta(p + 1, q) - logBeta(p, q)) + Math.exp(logBeta(p, q + 1) - logBeta(p, q)),
      );
      expect(Math.abs(right)).toBeLessThan(1e-12);
    }
  });

  it('refuses non-positive arguments', () => {
    expect(() => logBeta(0, 1)).toThrow(UsageError);
  });
});
