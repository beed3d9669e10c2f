import { UsageError } from '../../errors.js';
import { LOG_SQRT_2PI, logGamma } from './log-gamma.js';
import { stirlingError } from './stirling.js';

/**
 * log B(p, q) = log Gamma(p) + log Gamma(q) - log Gamma(p + q) for p, q > 0. When an argument
 * is 10 or more, the large log-gammas are cancelled analytically through Stirling's formula
 * (stirlingError), so the result keeps full precision for counts in the hundreds of thousands.
 */
export function logBeta(p: number, q: number): number {
  const lo = Math.min(p, q);
  const hi = Math.max(p, q);
  if (!(lo > 0) || !Number.isFinite(hi)) {
    throw new UsageError(`logBeta needs finite arguments above 0, got ${p} and ${q}.`);
  }
  const sum = lo + hi;
  if (lo >= 10) {
    const correction = stirlingError(lo) + stirlingError(hi) - stirlingError(sum);
    return (
      -0.5 * Math.log(hi) +
      LOG_SQRT_2PI +
      correction +
      (lo - 0.5) * Math.log(lo / sum) +
      hi * Math.log1p(-lo / sum)
    );
  }
  if (hi >= 10) {
    const correction = stirlingError(hi) - stirlingError(sum);
    return logGamma(lo) + correction + lo - lo * Math.log(sum) + (hi - 0.5) * Math.log1p(-lo / sum);
  }
  return logGamma(lo) + logGamma(hi) - logGamma(sum);
}
