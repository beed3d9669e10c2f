import { ACTION_TYPES } from '../../action.js';
import { validPrediction, type ScoredStep } from '../scored-step.js';
import { f1Scores, type F1Scores, type LabelPair } from './f1.js';

/** Gold type vs predicted type of every step; illegal/missing predictions have no type. */
export function actionTypePairs(steps: readonly ScoredStep[]): LabelPair[] {
  return steps.map((s) => ({ gold: s.gold.type, predicted: validPrediction(s)?.type ?? null }));
}

/**
 * Action-type F1 over click / type_and_submit / terminate: gold type vs predicted type of every
 * step. Illegal and missing predictions are misses (no predicted class). `macro` is the headline.
 */
export function actionTypeF1(steps: readonly ScoredStep[]): F1Scores {
  return f1Scores(actionTypePairs(steps), ACTION_TYPES);
}
