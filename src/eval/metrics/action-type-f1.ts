import { ACTION_TYPES } from '../../action.js';
import { validPrediction, type ScoredStep } from '../scored-step.js';
import { f1Scores, type F1Scores } from './f1.js';

/**
 * Action-type F1 over click / type_and_submit / terminate: gold type vs predicted type of every
 * step. Illegal and missing predictions are misses (no predicted class). `macro` is the headline.
 */
export function actionTypeF1(steps: readonly ScoredStep[]): F1Scores {
  return f1Scores(
    steps.map((s) => ({ gold: s.gold.type, predicted: validPrediction(s)?.type ?? null })),
    ACTION_TYPES,
  );
}
