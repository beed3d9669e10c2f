import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/ab/stats/paired-difference.js';
import { tallyPairs } from '../../../src/ab/stats/paired-table.js';
import { wilsonInterval } from '../../../src/ab/stats/wilson.js';
import { UsageError } from '../../../src/errors.js';
import reference from './fixtures/reference-values.json' with { type: 'json' };

const Z95 = 1.959963984540054;
const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

describe('wilsonInterval', () => {
  it('is [0, 1] without observations and stays in [0, 1]', () => {
    expect(wilsonInterval(0, 0, Z95)).toEqual([0, 1]);
    // x = 0: lower end (z^2/2 - z * z/2) / (n + z^2) = 0; upper z^2 / (n + z^2).
    const [lo, hi] = wilsonInterval(0, 10, Z95);
    close(lo, 0);
    close(hi, (Z95 * Z95) / (10 + Z95 * Z95));
  });
});

describe('pairedDifference (Newcombe square-and-add)', () => {
  it('works out by hand for a = 3, b = 1, c = 4, d = 2 (n = 10)', () => {
    // Control converts in a + b = 4 pairs, treatment in a + c = 7: D = 0.7 - 0.4 = 0.3 = (c - b)/n.
    // ad - bc = 6 - 4 = 2 lies in [0, n/2] so phi = 0. With z = 1.959963984540054,
    // z^2 = 3.841458820694126, Wilson intervals: control 4/10 -> [0.168180329706236, 0.687326230266342],
    // treatment 7/10 -> [0.396778147461145, 0.892208732593699].
    // lower = 0.3 - sqrt((0.7 - 0.396778147461145)^2 + (0.687326230266342 - 0.4)^2)
    //       = 0.3 - 0.417731797276867 = -0.117731797276867
    // upper = 0.3 + sqrt((0.892208732593699 - 0.7)^2 + (0.4 - 0.168180329706236)^2)
    //       = 0.3 + 0.301138766053767 = 0.601138766053767
    const [lc, uc] = wilsonInterval(4, 10, Z95);
    close(lc, 0.1681803297062361);
    close(uc, 0.6873262302663417);
    const r = pairedDifference({ a: 3, b: 1, c: 4, d: 2 });
    close(r.difference, 0.3, 1e-15);
    close(r.controlRate, 0.4, 1e-15);
    close(r.treatmentRate, 0.7, 1e-15);
    close(r.interval[0], -0.11773179727686726);
    close(r.interval[1], 0.6011387660537671);
    expect(r.level).toBe(0.95);
  });

  it('matches the arbitrary-precision fixtures (every phi branch, two levels)', () => {
    for (const row of reference.newcombe) {
      const r = pairedDifference(row.table, row.level);
      close(r.difference, row.difference);
      close(r.interval[0], row.interval[0]!);
      close(r.interval[1], row.interval[1]!);
    }
  });

  it('mirrors when the arms swap, and does not collapse when no pair is discordant', () => {
    const r = pairedDifference({ a: 30, b: 5, c: 12, d: 53 });
    const swapped = pairedDifference({ a: 30, b: 12, c: 5, d: 53 });
    close(swapped.difference, -r.difference);
    close(swapped.interval[0], -r.interval[1]);
    close(swapped.interval[1], -r.interval[0]);
    const none = pairedDifference({ a: 4, b: 0, c: 0, d: 6 });
    expect(none.difference).toBe(0);
    expect(none.interval[0]).toBeLessThan(0);
    expect(none.interval[1]).toBeGreaterThan(0);
  });

  it('stays within [-1, 1] when every pair favours treatment', () => {
    const r = pairedDifference({ a: 0, b: 0, c: 8, d: 0 });
    expect(r.difference).toBe(1);
    expect(r.interval[1]).toBe(1);
    expect(r.interval[0]).toBeGreaterThan(0);
  });

  it('refuses an empty table or a bad level', () => {
    expect(() => pairedDifference({ a: 0, b: 0, c: 0, d: 0 })).toThrow(UsageError);
    expect(() => pairedDifference({ a: 1, b: 0, c: 0, d: 0 }, 95)).toThrow(/between 0 and 1/);
  });
});

describe('tallyPairs', () => {
  it('counts the four cells', () => {
    const t = tallyPairs([
      { control: true, treatment: true },
      { control: true, treatment: false },
      { control: false, treatment: true },
      { control: false, treatment: true },
      { control: false, treatment: false },
    ]);
    expect(t).toEqual({ a: 1, b: 1, c: 2, d: 1 });
  });
});
