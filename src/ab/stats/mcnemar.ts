import { z } from 'zod';
import { checkCount } from './arguments.js';
import { logBinomialLowerTail, logBinomialPmf } from './binomial.js';

/** The exact McNemar test of paired binary outcomes. */
export const McNemarResult = z.object({
  /** Discordant pairs where control converted and treatment did not. */
  b: z.number().int(),
  /** Discordant pairs where treatment converted and control did not. */
  c: z.number().int(),
  /** Two-sided exact p-value: min(1, 2 P(X <= min(b, c))), X ~ Binomial(b + c, 1/2). */
  pValue: z.number(),
  /** Natural log of pValue; stays finite when pValue underflows to 0 (b + c in the thousands). */
  logPValue: z.number(),
  /** Two-sided mid-p: min(1, 2 P(X < min(b, c)) + P(X = min(b, c))); less conservative. */
  midPValue: z.number(),
});
export type McNemarResult = z.infer<typeof McNemarResult>;

/**
 * Exact (conditional binomial) McNemar test. Under H0 (the arms convert equally often) each
 * discordant pair favours treatment with probability 1/2, so min(b, c) is compared with
 * Binomial(b + c, 1/2). The tail is computed in log space (logBinomialLowerTail), stable for
 * b + c in the hundreds of thousands. With no discordant pairs there is no evidence: p = 1.
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  checkCount('b (pairs where only control converted)', b);
  checkCount('c (pairs where only treatment converted)', c);
  const n = b + c;
  if (n === 0) return { b, c, pValue: 1, logPValue: 0, midPValue: 1 };
  const m = Math.min(b, c);
  const logTail = logBinomialLowerTail(m, n, 0.5);
  const logPValue = Math.min(0, Math.LN2 + logTail);
  // mid-p = 2 P(X <= m) - P(X = m); both terms share the factor P(X = m), so take it out.
  const logPmf = logBinomialPmf(m, n, 0.5);
  const midPValue = Math.min(1, Math.exp(logPmf) * (2 * Math.exp(logTail - logPmf) - 1));
  return { b, c, pValue: Math.exp(logPValue), logPValue, midPValue };
}
