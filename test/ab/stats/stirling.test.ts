import { describe, expect, it } from 'vitest';
import { devianceTerm, stirlingError } from '../../../src/ab/stats/stirling.js';
import reference from './fixtures/reference-values.json' with { type: 'json' };

const closeRel = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

describe('stirlingError', () => {
  it('is log(e / sqrt(2 pi)) at 1, where Gamma(1) = 1', () => {
    closeRel(stirlingError(1), 1 - 0.5 * Math.log(2 * Math.PI), 1e-14);
  });

  it('matches arbitrary-precision values on both sides of the series switch at 15', () => {
    // From 15 on the series (~1/(12x)) is used; its last kept term, 1/(1188 x^9), is 2e-14 at
    // 15, so a relative tolerance of 1e-13 checks every term. Below 15 it is logGamma minus
    // Stirling's formula, which cancels: an absolute error of ~6e-15, harmless in a log.
    for (const [x, value] of reference.stirling_error) {
      if (x! >= 15) closeRel(stirlingError(x!), value!, 1e-13);
      else expect(Math.abs(stirlingError(x!) - value!)).toBeLessThan(1e-14);
    }
  });
});

describe('devianceTerm', () => {
  it('is 0 at x = m and m at x = 0', () => {
    expect(devianceTerm(123, 123)).toBe(0);
    expect(devianceTerm(0, 7.5)).toBe(7.5);
  });

  it('keeps relative precision close to m (series) and far from it (direct formula)', () => {
    for (const [x, m, value] of reference.deviance_term) {
      closeRel(devianceTerm(x!, m!), value!, 1e-13);
    }
  });
});
