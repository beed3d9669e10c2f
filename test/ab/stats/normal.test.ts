import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../src/ab/stats/normal-cdf.js';
import { normalQuantile } from '../../../src/ab/stats/normal-quantile.js';
import { UsageError } from '../../../src/errors.js';
import reference from './fixtures/reference-values.json' with { type: 'json' };

const closeRel = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

describe('normalQuantile (AS241)', () => {
  it('gives the textbook quantiles', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-15);
    expect(Math.abs(normalQuantile(0.8) - 0.8416212335729143)).toBeLessThan(1e-15);
    expect(Math.abs(normalQuantile(0.995) - 2.5758293035489004)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is odd: Phi^-1(1 - p) = -Phi^-1(p)', () => {
    for (const p of [0.001, 0.03, 0.2, 0.4])
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
  });

  it('matches arbitrary-precision quantiles over all three AS241 regions', () => {
    for (const [p, z] of reference.normal_quantile) closeRel(normalQuantile(p!), z!, 1e-14);
  });

  it('is infinite at 0 and 1 and refuses anything outside', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(UsageError);
    expect(() => normalQuantile(Number.NaN)).toThrow(/between 0 and 1/);
  });
});

describe('normalCdf', () => {
  it('gives the textbook values', () => {
    expect(normalCdf(0)).toBe(0.5);
    closeRel(normalCdf(1.959963984540054), 0.975, 1e-15);
    closeRel(normalCdf(-1), 0.15865525393145705, 1e-15);
    closeRel(normalCdf(-10), 7.619853024160527e-24, 1e-13);
  });

  it('matches arbitrary-precision values in both tails and across the series/fraction switch', () => {
    for (const [x, value] of reference.normal_cdf) closeRel(normalCdf(x!), value!, 2e-15);
  });

  it('inverts normalQuantile', () => {
    // Phi amplifies the last-bit error of z by about z^2 relative (d log Phi / dz ~ |z| for a
    // tail, times |z| for the size of z), hence a tolerance that grows with z^2 far out.
    for (const p of [1e-300, 1e-50, 1e-12, 1e-4, 0.01, 0.0249, 0.1, 0.37, 0.5, 0.63, 0.9, 0.99]) {
      const z = normalQuantile(p);
      closeRel(normalCdf(z), p, 4e-16 * Math.max(25, z * z));
    }
  });

  it('is monotone, symmetric and NaN-preserving', () => {
    for (let x = -8; x < 8; x += 0.37) {
      expect(normalCdf(x + 0.01)).toBeGreaterThan(normalCdf(x));
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
