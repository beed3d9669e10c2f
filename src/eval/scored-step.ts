import type { Action } from '../action.js';

/**
 * How a prediction for one step ended up:
 * - ok: a valid action for the page (it may still be wrong);
 * - illegal: the model's answer stayed unparseable or named no element of the page after all
 *   attempts, or a predictions file named an element absent from the observation;
 * - missing: a predictions file had no (usable) prediction for this step.
 */
export type PredictionStatus = 'ok' | 'illegal' | 'missing';

export type SessionOutcomeClass = 'purchase' | 'terminate';

/** One teacher-forced step, scored. Every metric is a pure function of a list of these. */
export interface ScoredStep {
  sessionId: string;
  /** 0-based index of the step in its session. */
  step: number;
  gold: Action;
  /** The human step's click_type, when the dataset records one. */
  goldClickType: string | null;
  status: PredictionStatus;
  /** The predicted action (kept for illegal answers that parsed; null when missing/unparseable). */
  predicted: Action | null;
  /** Exact match (actionsEqual); never true unless status is ok. */
  correct: boolean;
  /** Click type of a valid predicted click (see resolveClickType); null otherwise. */
  predictedClickType: string | null;
  /** Set on each session's outcome step only (its last step, see outcomeStepIndex): gold and predicted outcome. */
  outcome: { gold: SessionOutcomeClass; predicted: SessionOutcomeClass } | null;
}

/** The predicted action if it counts as a prediction (status ok), else null. */
export function validPrediction(step: ScoredStep): Action | null {
  return step.status === 'ok' ? step.predicted : null;
}
