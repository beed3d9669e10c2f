import { UsageError } from '../../errors.js';
import { checkOpenUnit } from './arguments.js';
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal-quantile.js';
import { tableSize, type PairedTable } from './paired-table.js';

/**
 * Sample-size planning for a paired binary outcome analysed with McNemar's test, by the normal
 * approximation of Connor (1987, Biometrics 43:207-211), also in Lachin (1992):
 *   n = (z_(1-alpha/2) sqrt(psi) + z_(1-beta) sqrt(psi - delta^2))^2 / delta^2
 * psi = P(pair discordant) = p10 + p01, delta = p01 - p10 = the difference in conversion rates,
 * so |delta| <= psi. Only the tail in the direction of delta is counted (as Connor does).
 */
export interface PlanOptions {
  /** Expected share of pairs whose arms disagree, 0 < psi <= 1; see estimateDiscordance. */
  discordance: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Power to aim for, 0.5 <= power < 1; default 0.8. */
  power?: number;
}

interface Quantiles {
  psi: number;
  zAlpha: number;
  zBeta: number;
}

function zAlphaOf(options: PlanOptions): number {
  const alpha = options.alpha ?? 0.05;
  checkOpenUnit('alpha', alpha, '0.05');
  const psi = options.discordance;
  if (!(psi > 0 && psi <= 1)) {
    throw new UsageError(
      `the discordance rate (share of pairs whose arms disagree) must be above 0 and at most 1, ` +
        `got ${psi}; estimate it from a pilot run (estimateDiscordance) or use e.g. 0.2.`,
    );
  }
  return normalQuantile(1 - alpha / 2);
}

function quantiles(options: PlanOptions): Quantiles {
  const power = options.power ?? 0.8;
  if (!(power >= 0.5 && power < 1)) {
    throw new UsageError(`power must be at least 0.5 and below 1, got ${power}; use e.g. 0.8.`);
  }
  return { psi: options.discordance, zAlpha: zAlphaOf(options), zBeta: normalQuantile(power) };
}

function checkPairs(pairs: number): void {
  if (!(Number.isFinite(pairs) && pairs >= 0)) {
    throw new UsageError(`the number of pairs must be 0 or more, got ${pairs}.`);
  }
}

function checkDelta(delta: number, psi: number): number {
  const d = Math.abs(delta);
  if (!(d > 0 && d <= psi)) {
    throw new UsageError(
      `the difference to detect must be non-zero and at most the discordance rate ${psi} ` +
        `(a difference needs discordant pairs), got ${delta}.`,
    );
  }
  return d;
}

/** Connor's n as a real number (not rounded up). */
export function pairsNeededExact(delta: number, options: PlanOptions): number {
  const { psi, zAlpha, zBeta } = quantiles(options);
  const d = checkDelta(delta, psi);
  return (zAlpha * Math.sqrt(psi) + zBeta * Math.sqrt(psi - d * d)) ** 2 / (d * d);
}

/**
 * Pairs needed to detect a difference delta in conversion: Connor's n rounded up. 1e-9 is taken
 * off first so that rounding noise on an n that is a whole number does not add a pair.
 */
export function pairsNeeded(delta: number, options: PlanOptions): number {
  return Math.ceil(pairsNeededExact(delta, options) - 1e-9);
}

/**
 * Smallest difference detectable with `pairs` pairs: Connor's formula solved for delta. With
 * u = delta / sqrt(psi) it reads sqrt(n) u = z_a + z_b sqrt(1 - u^2), whose root is
 *   u = (z_a sqrt(n) + z_b sqrt(n + z_b^2 - z_a^2)) / (n + z_b^2)        (valid for n > z_a^2).
 * Null when no difference the discordance allows (|delta| <= psi) is detectable.
 */
export function minimumDetectableDifference(pairs: number, options: PlanOptions): number | null {
  checkPairs(pairs);
  const { psi, zAlpha, zBeta } = quantiles(options);
  if (!(pairs > zAlpha * zAlpha)) return null;
  const u =
    (zAlpha * Math.sqrt(pairs) + zBeta * Math.sqrt(pairs + zBeta * zBeta - zAlpha * zAlpha)) /
    (pairs + zBeta * zBeta);
  const delta = u * Math.sqrt(psi);
  return delta <= psi ? delta : null;
}

/**
 * Power of the design, Connor's formula solved for z_b:
 * Phi((sqrt(n) |delta| - z_a sqrt(psi)) / sqrt(psi - delta^2)); options.power is ignored.
 * When psi - delta^2 = 0 (psi = |delta| = 1, every pair favours one arm) the power is 0 or 1.
 */
export function pairedPower(pairs: number, delta: number, options: PlanOptions): number {
  checkPairs(pairs);
  const zAlpha = zAlphaOf(options);
  const psi = options.discordance;
  const d = checkDelta(delta, psi);
  const spread = psi - d * d;
  const shift = Math.sqrt(pairs) * d - zAlpha * Math.sqrt(psi);
  if (spread === 0) return shift > 0 ? 1 : 0;
  return normalCdf(shift / Math.sqrt(spread));
}

/** The observed share of discordant pairs, (b + c) / n, as a planning estimate of psi. */
export function estimateDiscordance(table: PairedTable): number | null {
  const n = tableSize(table);
  return n === 0 ? null : (table.b + table.c) / n;
}
