import { LOG_SQRT_2PI, logGamma } from './log-gamma.js';

/**
 * The error of Stirling's formula, log Gamma(x) - [(x - 1/2) log x - x + log sqrt(2 pi)], for x > 0.
 * (Equivalently log x! - [(x + 1/2) log x - x + log sqrt(2 pi)], Loader's "stirlerr".) Computing
 * log-gamma, log-beta and binomial probabilities through it avoids subtracting huge, nearly equal
 * log-gammas, so they stay accurate to ~1e-15 for arguments in the millions.
 *
 * For x >= 15 the asymptotic series sum B_2k / (2k (2k-1) x^(2k-1)) with five terms is used (the
 * next term, 691/360360 / x^11, is below 3e-16 there); below 15 it is computed from logGamma.
 */
export function stirlingError(x: number): number {
  if (x >= 15) {
    const xx = x * x;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / xx) / xx) / xx) / xx) / x;
  }
  return logGamma(x) - ((x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI);
}

/**
 * Loader's deviance term x log(x / m) + m - x, for x >= 0 and m > 0, computed by a series when
 * x is close to m (where the direct formula cancels catastrophically).
 */
export function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x === 0 ? m : x * Math.log(x / m) + m - x;
}
