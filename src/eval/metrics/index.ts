import { ACTION_TYPES } from '../../action.js';
import type { ScoredStep } from '../scored-step.js';
import { accuracy, accuracyByActionType, accuracyByClickType, type Accuracy } from './accuracy.js';
import { actionTypeF1, actionTypePairs } from './action-type-f1.js';
import { bootstrapSums, groupBy, type Interval } from './bootstrap.js';
import { clickTypeF1, clickTypePairs } from './click-type-f1.js';
import { actionTypeConfusion, type ConfusionMatrix } from './confusion.js';
import {
  classF1,
  countLabels,
  f1FromCounts,
  flattenCounts,
  unflattenCounts,
  type F1Scores,
} from './f1.js';
import { OUTCOME_LABELS, outcomeF1, outcomePairs, type OutcomeScores } from './outcome.js';
import { errorTaxonomy, type ErrorTaxonomy } from './taxonomy.js';

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  level: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { resamples: 1000, seed: 1, level: 0.95 };

export interface EvalMetrics {
  steps: number;
  sessions: number;
  status: { ok: number; illegal: number; missing: number };
  accuracy: Accuracy & { interval: Interval | null };
  accuracyByActionType: { group: string; accuracy: Accuracy }[];
  accuracyByClickType: { group: string; accuracy: Accuracy }[];
  actionTypeF1: F1Scores & { interval: Interval | null };
  clickTypeF1: F1Scores & { interval: Interval | null };
  outcome: OutcomeScores & {
    binaryInterval: Interval | null;
    weightedInterval: Interval | null;
  };
  confusion: ConfusionMatrix;
  taxonomy: ErrorTaxonomy;
  bootstrap: BootstrapSettings & { unit: 'session' };
}

/**
 * Per-session additive tallies, laid out as one vector: [correct, total, action-type counts,
 * click-type counts, outcome counts]. Statistics read their slice back into F1 scores.
 */
function sessionVectors(sessions: ScoredStep[][], clickLabels: string[]) {
  const at = ACTION_TYPES.length * 3;
  const ct = clickLabels.length * 3;
  const offsets = { at: 2, ct: 2 + at, oc: 2 + at + ct };
  const vectors = sessions.map((steps) => [
    steps.filter((s) => s.correct).length,
    steps.length,
    ...flattenCounts(countLabels(actionTypePairs(steps), ACTION_TYPES)),
    ...flattenCounts(countLabels(clickTypePairs(steps), clickLabels)),
    ...flattenCounts(countLabels(outcomePairs(steps), OUTCOME_LABELS)),
  ]);
  const scores = (labels: readonly string[], offset: number) => (sum: Float64Array) =>
    f1FromCounts(unflattenCounts(labels, sum, offset));
  const actionTypes = scores(ACTION_TYPES, offsets.at);
  const clickTypes = scores(clickLabels, offsets.ct);
  const outcomes = scores(OUTCOME_LABELS, offsets.oc);
  const statistics = [
    (sum: Float64Array) => (sum[1]! > 0 ? sum[0]! / sum[1]! : null),
    (sum: Float64Array) => actionTypes(sum).macro,
    (sum: Float64Array) => clickTypes(sum).weighted,
    (sum: Float64Array) => classF1(outcomes(sum), 'purchase'),
    (sum: Float64Array) => outcomes(sum).weighted,
  ];
  return { vectors, statistics };
}

/** Every evaluation metric of a set of scored steps, with session-bootstrap intervals. Pure. */
export function computeEvalMetrics(
  steps: readonly ScoredStep[],
  settings: BootstrapSettings = DEFAULT_BOOTSTRAP,
): EvalMetrics {
  const sessions = groupBy(steps, (s) => s.sessionId);
  const count = (status: ScoredStep['status']) => steps.filter((s) => s.status === status).length;
  const clickTypes = clickTypeF1(steps);
  const { vectors, statistics } = sessionVectors(
    sessions,
    clickTypes.classes.map((c) => c.label),
  );
  const [accuracyCi, actionCi, clickCi, binaryCi, weightedCi] = bootstrapSums(
    vectors,
    statistics,
    settings,
  );
  return {
    steps: steps.length,
    sessions: sessions.length,
    status: { ok: count('ok'), illegal: count('illegal'), missing: count('missing') },
    accuracy: { ...accuracy(steps), interval: accuracyCi ?? null },
    accuracyByActionType: accuracyByActionType(steps),
    accuracyByClickType: accuracyByClickType(steps),
    actionTypeF1: { ...actionTypeF1(steps), interval: actionCi ?? null },
    clickTypeF1: { ...clickTypes, interval: clickCi ?? null },
    outcome: {
      ...outcomeF1(steps),
      binaryInterval: binaryCi ?? null,
      weightedInterval: weightedCi ?? null,
    },
    confusion: actionTypeConfusion(steps),
    taxonomy: errorTaxonomy(steps),
    bootstrap: { ...settings, unit: 'session' },
  };
}
