/** Below this |x| the Taylor series is used, from it on the continued fraction. */
const SERIES_LIMIT = 1.5;
const INV_SQRT_2PI = 0.3989422804014327;

/** The standard normal density. */
export function normalDensity(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * The standard normal distribution function Phi(x), to about 1e-15 relative accuracy in both
 * tails (Phi(-37) ~ 6e-300 is still resolved). For |x| < 1.5 the series
 * Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...) (Marsaglia 2004); beyond, the upper tail
 * is phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) (Laplace's continued fraction), evaluated by the
 * modified Lentz method.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < SERIES_LIMIT) {
    const xx = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; k < 200; k++) {
      term *= xx / (2 * k + 1);
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + normalDensity(x) * sum;
  }
  const upper = ax > 40 ? 0 : normalDensity(ax) / laplaceFraction(ax);
  return x > 0 ? 1 - upper : upper;
}

/** x + 1/(x + 2/(x + 3/(x + ...))) for x >= 1.5 (under 200 terms), by the modified Lentz method. */
function laplaceFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let j = 1; j < 1000; j++) {
    d = x + j * d;
    c = x + j / c;
    if (d === 0) d = tiny;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}
