import { actionsEqual, type Action } from '../action.js';
import type { Observation } from '../observe/observation.js';
import type { Outcome } from '../traces/schema.js';
import { resolveClickType, type ClickTypeLexicon } from './click-type-lexicon.js';
import type { PredictionStatus, ScoredStep, SessionOutcomeClass } from './scored-step.js';

/** The human side of one step, as scoring needs it. */
export interface GoldStep {
  sessionId: string;
  step: number;
  gold: Action;
  goldClickType: string | null;
  observation: Observation;
  /** True for the step where the session outcome is judged (see outcomeStepIndex). */
  isOutcomeStep: boolean;
  /** The session's recorded end outcome (trace end line), when there is one. */
  endOutcome: Outcome | null;
}

export interface PredictionInput {
  status: PredictionStatus;
  action: Action | null;
}

/**
 * Gold outcome of a session, judged at its outcome step (its last step, trailing terminates after
 * a purchase click ignored): a purchase when that step is a click labelled `purchase`, or a click
 * ending a session the trace records as a purchase; every other ending (terminate, a cut-off
 * session) is the negative class, called terminate.
 */
export function goldOutcome(gold: GoldStep): SessionOutcomeClass {
  if (gold.gold.type !== 'click') return 'terminate';
  return gold.goldClickType === 'purchase' || gold.endOutcome === 'purchase'
    ? 'purchase'
    : 'terminate';
}

/** Scores one prediction against the human step. Pure. */
export function scoreStep(
  gold: GoldStep,
  prediction: PredictionInput,
  lexicon: ClickTypeLexicon,
): ScoredStep {
  const valid = prediction.status === 'ok' ? prediction.action : null;
  const correct = valid !== null && actionsEqual(valid, gold.gold);
  let predictedClickType: string | null = null;
  if (valid?.type === 'click') {
    const element = gold.observation.elements.find((e) => e.name === valid.name);
    predictedClickType = resolveClickType(lexicon, gold.sessionId, valid.name, element).clickType;
  }
  let outcome: ScoredStep['outcome'] = null;
  if (gold.isOutcomeStep) {
    const goldClass = goldOutcome(gold);
    // Gold purchase: only the human's own purchase control counts. Gold terminate: a predicted
    // click whose click type resolves to purchase is a predicted purchase.
    const predictedPurchase =
      valid?.type === 'click' &&
      (goldClass === 'purchase'
        ? gold.gold.type === 'click' && valid.name === gold.gold.name
        : predictedClickType === 'purchase');
    outcome = { gold: goldClass, predicted: predictedPurchase ? 'purchase' : 'terminate' };
  }
  return {
    sessionId: gold.sessionId,
    step: gold.step,
    gold: gold.gold,
    goldClickType: gold.goldClickType,
    status: prediction.status,
    predicted: prediction.action,
    correct,
    predictedClickType,
    outcome,
  };
}
