import { checkOpenUnit, checkPositive } from './arguments.js';
import type { Interval } from './interval.js';
import { mixtureLogBayesFactor } from './sequential.js';

/**
 * Anytime-valid confidence set for p = P(a discordant pair favours treatment), the dual of the
 * mixture test in sequential.ts: all p whose mixture likelihood ratio
 *   B(a + c, a + b) / B(a, a) / (p^c (1 - p)^b)
 * is below 1/alpha. It covers the true p at every pair count at once with probability
 * >= 1 - alpha, and it excludes 1/2 exactly when sequentialDecision would decide on these counts.
 * The set is an interval (the log-likelihood is concave); its ends are found by bisection.
 */
export function discordantConfidenceSequence(
  b: number,
  c: number,
  options: { alpha?: number; priorA?: number } = {},
): Interval {
  const alpha = options.alpha ?? 0.05;
  const priorA = options.priorA ?? 1;
  checkOpenUnit('alpha', alpha, '0.05');
  checkPositive('the prior strength a', priorA);
  // log marginal likelihood of the mixture = log BF against 1/2 + log (1/2)^(b + c).
  const logMixture = mixtureLogBayesFactor(b, c, priorA) - (b + c) * Math.LN2;
  const threshold = logMixture + Math.log(alpha);
  const inside = (p: number) => logLikelihood(p, b, c) > threshold;
  const mle = b + c === 0 ? 0.5 : c / (b + c);
  const lower = inside(0) ? 0 : bisect(0, mle, inside);
  const upper = inside(1) ? 1 : 1 - bisect(0, 1 - mle, (x) => inside(1 - x));
  return [lower, upper];
}

function logLikelihood(p: number, b: number, c: number): number {
  return (c === 0 ? 0 : c * Math.log(p)) + (b === 0 ? 0 : b * Math.log1p(-p));
}

/** The edge of the set between `out` (outside it) and `into` (inside), to full precision. */
function bisect(out: number, into: number, inside: (p: number) => boolean): number {
  let lo = out;
  let hi = into;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (inside(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
