import { validPrediction, type ScoredStep } from '../scored-step.js';
import { f1Scores, type F1Scores, type LabelPair } from './f1.js';

/** Human clicks with a known click_type vs the resolved click type of the predicted click. */
export function clickTypePairs(steps: readonly ScoredStep[]): LabelPair[] {
  return steps
    .filter((s) => s.gold.type === 'click' && s.goldClickType !== null)
    .map((s) => ({
      gold: s.goldClickType!,
      predicted: validPrediction(s)?.type === 'click' ? s.predictedClickType : null,
    }));
}

/**
 * Click-type F1 over the steps where the human clicked and the click_type is known. The predicted
 * class is the resolved click type of a valid predicted click (see resolveClickType); a predicted
 * type_and_submit or terminate, or an illegal/missing prediction, is a miss with no class.
 * `weighted` (by gold support) is the headline.
 */
export function clickTypeF1(steps: readonly ScoredStep[]): F1Scores {
  return f1Scores(clickTypePairs(steps));
}
