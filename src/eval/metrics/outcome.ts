import type { ScoredStep } from '../scored-step.js';
import { classF1, f1Scores, type F1Scores, type LabelPair } from './f1.js';

export const OUTCOME_LABELS = ['purchase', 'terminate'] as const;

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

/** One pair per session: its outcome, gold and predicted (set on the session's last step). */
export function outcomePairs(steps: readonly ScoredStep[]): LabelPair[] {
  return steps
    .filter((s) => s.outcome !== null)
    .map((s) => ({ gold: s.outcome!.gold, predicted: s.outcome!.predicted }));
}

/** Session outcome F1, one item per session (its last step). */
export function outcomeF1(steps: readonly ScoredStep[]): OutcomeScores {
  const pairs = outcomePairs(steps);
  const scores = f1Scores(pairs, OUTCOME_LABELS);
  return {
    sessions: pairs.length,
    goldPurchases: pairs.filter((p) => p.gold === 'purchase').length,
    predictedPurchases: pairs.filter((p) => p.predicted === 'purchase').length,
    binaryF1: classF1(scores, 'purchase'),
    weightedF1: scores.weighted,
    classes: scores.classes,
  };
}
