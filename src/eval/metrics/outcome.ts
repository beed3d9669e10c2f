import type { ScoredStep } from '../scored-step.js';
import { binaryF1, f1Scores, type F1Scores } from './f1.js';

export interface OutcomeScores {
  sessions: number;
  goldPurchases: number;
  predictedPurchases: number;
  /** F1 of the purchase class; null when no session is or is predicted a purchase. */
  binaryF1: number | null;
  /** Support-weighted F1 over purchase and terminate. */
  weightedF1: number | null;
  classes: F1Scores['classes'];
}

/** Session outcome F1, one item per session (its last step). */
export function outcomeF1(steps: readonly ScoredStep[]): OutcomeScores {
  const pairs = steps
    .filter((s) => s.outcome !== null)
    .map((s) => ({ gold: s.outcome!.gold, predicted: s.outcome!.predicted }));
  const scores = f1Scores(pairs, ['purchase', 'terminate']);
  return {
    sessions: pairs.length,
    goldPurchases: pairs.filter((p) => p.gold === 'purchase').length,
    predictedPurchases: pairs.filter((p) => p.predicted === 'purchase').length,
    binaryF1: binaryF1(pairs, 'purchase'),
    weightedF1: scores.weighted,
    classes: scores.classes,
  };
}
