import { checkCount } from './arguments.js';
import { devianceTerm, stirlingError } from './stirling.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log P(X = k) for X ~ Binomial(n, p), by Loader's saddle-point form (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"): no factorials, no cancellation of huge
 * log-gammas, so it keeps ~1e-15 relative accuracy for n in the millions and never underflows.
 */
export function logBinomialPmf(k: number, n: number, p: number): number {
  checkCount('n', n);
  if (!Number.isInteger(k) || k < 0 || k > n) return -Infinity;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    devianceTerm(k, n * p) -
    devianceTerm(n - k, n * q);
  const lf = LOG_2PI + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

/**
 * log P(X <= k) for X ~ Binomial(n, p). At or below the mean the terms shrink going down from k,
 * so it is log P(X = k) + log(1 + r_k + r_k r_(k-1) + ...), with r_j = P(X = j-1) / P(X = j) =
 * j / (n - j + 1) * q / p, summed until the terms no longer change the total. Above the mean it
 * is the complement of the upper tail, computed the same way on n - X ~ Binomial(n, q).
 */
export function logBinomialLowerTail(k: number, n: number, p: number): number {
  checkCount('n', n);
  if (k < 0) return -Infinity;
  checkCount('k', k);
  if (k >= n) return 0;
  const q = 1 - p;
  if (k > n * p) {
    // P(X <= k) = 1 - P(n - X <= n - k - 1), and n - k - 1 < n q: the summed side again.
    return Math.log1p(-Math.exp(logBinomialLowerTail(n - k - 1, n, q)));
  }
  const ratio = q / p;
  let term = 1;
  let sum = 1;
  for (let j = k; j >= 1; j--) {
    term *= (j / (n - j + 1)) * ratio;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return logBinomialPmf(k, n, p) + Math.log(sum);
}
