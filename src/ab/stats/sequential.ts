import { z } from 'zod';
import { checkCount, checkOpenUnit, checkPositive } from './arguments.js';
import { logBeta } from './log-beta.js';
import type { PairedOutcome } from './paired-table.js';

export interface SequentialOptions {
  /** Type-I error bound under optional stopping; default 0.05. */
  alpha?: number;
  /** Strength a of the Beta(a, a) mixing prior on p; default 1 (uniform). */
  priorA?: number;
}

/** Where an anytime-valid test of the primary binary metric stands. */
export const SequentialDecision = z.object({
  /** The Bayes factor reached the boundary after some pair: stop, the arms differ. */
  decided: z.boolean(),
  /** The better arm when decided (the one converting alone more often then), else null. */
  direction: z.enum(['treatment', 'control']).nullable(),
  /** Natural log of the Bayes factor after all pairs so far. */
  logBF: z.number(),
  /** log(1 / alpha), in the units of logBF: decided once logBF reaches it. */
  boundary: z.number(),
  /** Number of pairs (concordant ones included) when the boundary was first reached. */
  decidedAt: z.number().int().nullable(),
  /** Discordant pairs so far: control alone converted (b), treatment alone converted (c). */
  b: z.number().int(),
  c: z.number().int(),
  alpha: z.number(),
  priorA: z.number(),
});
export type SequentialDecision = z.infer<typeof SequentialDecision>;

/**
 * log of the mixture Bayes factor for the discordant pairs. Conditional on discordance a pair
 * favours treatment with probability p; H0 is p = 1/2. Mixing the alternative over p ~ Beta(a, a):
 *   BF = [B(a + c, a + b) / B(a, a)] / (1/2)^(b + c).
 * Under H0 it is a nonnegative martingale with mean 1, so by Ville's inequality
 * P(BF ever reaches 1/alpha) <= alpha, however often one looks (Robbins 1970; see Howard,
 * Ramdas et al. 2021 on confidence sequences). E.g. c = 5, b = 0, a = 1: (1/6) * 32 = 5.33.
 */
export function mixtureLogBayesFactor(b: number, c: number, priorA = 1): number {
  checkCount('b (pairs where only control converted)', b);
  checkCount('c (pairs where only treatment converted)', c);
  checkPositive('the prior strength a', priorA);
  return logBeta(priorA + c, priorA + b) - logBeta(priorA, priorA) + (b + c) * Math.LN2;
}

/**
 * The anytime-valid decision after the pairs so far, in the order they completed. The Bayes
 * factor is checked after every pair and the first time it reaches 1/alpha decides, with the
 * direction of that moment; later pairs do not undo it. Calling this again with more pairs and
 * stopping once decided keeps the type-I error at most alpha.
 */
export function sequentialDecision(
  pairsSoFar: readonly PairedOutcome[],
  options: SequentialOptions = {},
): SequentialDecision {
  const alpha = options.alpha ?? 0.05;
  const priorA = options.priorA ?? 1;
  checkOpenUnit('alpha', alpha, '0.05');
  checkPositive('the prior strength a', priorA);
  const boundary = -Math.log(alpha);
  let b = 0;
  let c = 0;
  let logBF = 0;
  let decidedAt: number | null = null;
  let direction: SequentialDecision['direction'] = null;
  for (let i = 0; i < pairsSoFar.length; i++) {
    const { control, treatment } = pairsSoFar[i]!;
    if (control === treatment) continue;
    if (control) b++;
    else c++;
    logBF = mixtureLogBayesFactor(b, c, priorA);
    if (decidedAt === null && logBF >= boundary) {
      decidedAt = i + 1;
      direction = c > b ? 'treatment' : 'control';
    }
  }
  return {
    decided: decidedAt !== null,
    direction,
    logBF,
    boundary,
    decidedAt,
    b,
    c,
    alpha,
    priorA,
  };
}
