import { UsageError } from '../errors.js';
import { percent } from '../report/format.js';
import { minimumDetectableDifference, pairsNeeded } from './stats/index.js';

/** What `shopsim ab --plan` was asked. */
export interface PlanRequest {
  pairs: number | null;
  delta: number | null;
  discordance: number;
  alpha: number;
  power: number;
}

export interface PlanAnswer extends PlanRequest {
  /** Smallest detectable conversion difference for `pairs` (null: none is detectable). */
  minimumDetectableDifference: number | null;
  /** Pairs needed to detect `delta`. */
  pairsNeeded: number | null;
  text: string;
}

/**
 * The planning answer for a paired binary primary metric (McNemar, Connor 1987): the smallest
 * difference N pairs can detect, or the pairs a difference D needs, under an assumed share of
 * discordant pairs. Nothing is run.
 */
export function planAnswer(request: PlanRequest): PlanAnswer {
  const options = { discordance: request.discordance, alpha: request.alpha, power: request.power };
  const assumptions =
    `assuming ${percent(request.discordance, 1)} of pairs disagree (--discordance), ` +
    `two-sided alpha ${request.alpha}, power ${request.power}`;
  if (request.delta !== null) {
    const needed = pairsNeeded(request.delta, options);
    return {
      ...request,
      minimumDetectableDifference: null,
      pairsNeeded: needed,
      text: `To detect a conversion difference of ${percent(request.delta, 1)}: ${needed} pairs (${assumptions}).`,
    };
  }
  if (request.pairs === null) {
    throw new UsageError('--plan needs --pairs N or --delta D (e.g. --pairs 200).');
  }
  const mdd = minimumDetectableDifference(request.pairs, options);
  return {
    ...request,
    minimumDetectableDifference: mdd,
    pairsNeeded: null,
    text:
      mdd === null
        ? `${request.pairs} pairs are too few to detect any difference (${assumptions}); add pairs.`
        : `With ${request.pairs} pairs the smallest detectable conversion difference is ${percent(mdd, 1)} (${assumptions}).`,
  };
}
