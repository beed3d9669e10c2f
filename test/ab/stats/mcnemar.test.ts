import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../../src/ab/stats/mcnemar.js';
import { UsageError } from '../../../src/errors.js';

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tol * Math.max(1e-300, Math.abs(expected)),
  );

describe('mcnemarExact', () => {
  it('gives p = 1 without discordant pairs', () => {
    expect(mcnemarExact(0, 0)).toEqual({ b: 0, c: 0, pValue: 1, logPValue: 0, midPValue: 1 });
  });

  it('b = 0, c = 5: p = 2 (1/2)^5 = 1/16; mid-p = P(X = 0) = 1/32', () => {
    const r = mcnemarExact(0, 5);
    close(r.pValue, 1 / 16);
    close(r.midPValue, 1 / 32);
    close(r.logPValue, Math.log(1 / 16));
  });

  it('b = 1, c = 9: p = 2 (1 + 10) / 1024 = 22/1024; mid-p = (22 - 10) / 1024', () => {
    const r = mcnemarExact(1, 9);
    close(r.pValue, 22 / 1024); // 0.021484375
    close(r.midPValue, 12 / 1024);
  });

  it('b = 3, c = 12: p = 2 (1 + 15 + 105 + 455) / 2^15 = 1152/32768; mid-p = (1152 - 455)/32768', () => {
    const r = mcnemarExact(3, 12);
    close(r.pValue, 1152 / 32768); // 0.03515625
    close(r.midPValue, 697 / 32768);
    expect(mcnemarExact(12, 3)).toEqual({ ...r, b: 12, c: 3 });
  });

  it('b = c = 5: both p-values are capped at 1 (2 P(X <= 5) = 1276/1024; mid-p = (772 + 252)/1024)', () => {
    const r = mcnemarExact(5, 5);
    expect(r.pValue).toBe(1);
    close(r.midPValue, 1);
  });

  it('is stable at n = 100000: b = 49999, c = 50001 gives p = 1 - P(X = 50000)', () => {
    // 2 P(X <= 49999) = 1 - P(X = 50000); P(X = 50000) = (1 - 1/(8m) + 1/(128m^2)) / sqrt(pi m).
    const m = 50000;
    const centre = (1 - 1 / (8 * m) + 1 / (128 * m * m)) / Math.sqrt(Math.PI * m);
    close(mcnemarExact(m - 1, m + 1).pValue, 1 - centre, 1e-13);
  });

  it('reports log p when p underflows: b = 0, c = 2000 gives log p = log 2 - 2000 log 2', () => {
    const r = mcnemarExact(0, 2000);
    expect(r.pValue).toBe(0);
    close(r.logPValue, -1999 * Math.LN2, 1e-15);
    expect(mcnemarExact(40000, 60000).logPValue).toBeLessThan(-400);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(UsageError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(/whole number/);
  });
});
