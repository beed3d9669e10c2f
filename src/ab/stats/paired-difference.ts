import { UsageError } from '../../errors.js';
import { checkOpenUnit } from './arguments.js';
import type { Interval } from './interval.js';
import { normalQuantile } from './normal-quantile.js';
import { tableSize, type PairedTable } from './paired-table.js';
import { wilsonInterval } from './wilson.js';

/** Difference in proportions between the arms of a paired design, with its interval. */
export interface PairedDifference {
  /** Treatment rate minus control rate: (c - b) / n. */
  difference: number;
  controlRate: number;
  treatmentRate: number;
  interval: Interval;
  level: number;
}

/**
 * The paired difference in proportions, treatment minus control, (c - b) / n, with Newcombe's
 * square-and-add interval for paired data ("method 10", Newcombe 1998, Statistics in Medicine
 * 17:2635-2650; also Altman et al., Statistics with Confidence, 2000). Each arm's rate gets a
 * Wilson interval [l, u]; the two are combined with the estimated correlation phi between the
 * arms' outcomes:
 *   lower = D - sqrt((p_t - l_t)^2 + (u_c - p_c)^2 - 2 phi (p_t - l_t)(u_c - p_c))
 *   upper = D + sqrt((u_t - p_t)^2 + (p_c - l_c)^2 - 2 phi (u_t - p_t)(p_c - l_c))
 * with phi = (ad - bc - n/2) / sqrt(margins) when ad - bc > n/2, 0 when 0 <= ad - bc <= n/2,
 * (ad - bc) / sqrt(margins) when ad - bc < 0, and 0 when any margin is empty. Unlike the Wald
 * interval it stays inside [-1, 1] and does not collapse to a point when b = c = 0.
 */
export function pairedDifference(table: PairedTable, level = 0.95): PairedDifference {
  checkOpenUnit('the confidence level', level, '0.95');
  const n = tableSize(table);
  if (n === 0) {
    throw new UsageError('a paired difference needs at least one pair; run both arms first.');
  }
  const { a, b, c } = table;
  const z = normalQuantile(1 - (1 - level) / 2);
  const pc = (a + b) / n;
  const pt = (a + c) / n;
  const [lc, uc] = wilsonInterval(a + b, n, z);
  const [lt, ut] = wilsonInterval(a + c, n, z);
  const phi = correlation(table, n);
  const difference = (c - b) / n;
  const down = Math.sqrt((pt - lt) ** 2 + (uc - pc) ** 2 - 2 * phi * (pt - lt) * (uc - pc));
  const up = Math.sqrt((ut - pt) ** 2 + (pc - lc) ** 2 - 2 * phi * (ut - pt) * (pc - lc));
  return {
    difference,
    controlRate: pc,
    treatmentRate: pt,
    interval: [Math.max(-1, difference - down), Math.min(1, difference + up)],
    level,
  };
}

/** Newcombe's continuity-corrected phi between the arms' outcomes (0 if a margin is empty). */
function correlation({ a, b, c, d }: PairedTable, n: number): number {
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  if (margins === 0) return 0;
  const cross = a * d - b * c;
  if (cross > n / 2) return (cross - n / 2) / Math.sqrt(margins);
  if (cross >= 0) return 0;
  return cross / Math.sqrt(margins);
}
