import type { ScoredStep } from '../scored-step.js';
import { accuracy, accuracyByActionType, accuracyByClickType, type Accuracy } from './accuracy.js';
import { actionTypeF1 } from './action-type-f1.js';
import { bootstrapInterval, groupBy, type Interval } from './bootstrap.js';
import { clickTypeF1 } from './click-type-f1.js';
import { actionTypeConfusion, type ConfusionMatrix } from './confusion.js';
import type { F1Scores } from './f1.js';
import { outcomeF1, type OutcomeScores } from './outcome.js';
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

/** Every evaluation metric of a set of scored steps, with session-bootstrap intervals. Pure. */
export function computeEvalMetrics(
  steps: readonly ScoredStep[],
  settings: BootstrapSettings = DEFAULT_BOOTSTRAP,
): EvalMetrics {
  const sessions = groupBy(steps, (s) => s.sessionId);
  const ci = (statistic: (items: ScoredStep[]) => number | null) =>
    bootstrapInterval(sessions, statistic, settings);
  const count = (status: ScoredStep['status']) => steps.filter((s) => s.status === status).length;
  const outcome = outcomeF1(steps);
  return {
    steps: steps.length,
    sessions: sessions.length,
    status: { ok: count('ok'), illegal: count('illegal'), missing: count('missing') },
    accuracy: { ...accuracy(steps), interval: ci((s) => accuracy(s).value) },
    accuracyByActionType: accuracyByActionType(steps),
    accuracyByClickType: accuracyByClickType(steps),
    actionTypeF1: { ...actionTypeF1(steps), interval: ci((s) => actionTypeF1(s).macro) },
    clickTypeF1: { ...clickTypeF1(steps), interval: ci((s) => clickTypeF1(s).weighted) },
    outcome: {
      ...outcome,
      binaryInterval: ci((s) => outcomeF1(s).binaryF1),
      weightedInterval: ci((s) => outcomeF1(s).weightedF1),
    },
    confusion: actionTypeConfusion(steps),
    taxonomy: errorTaxonomy(steps),
    bootstrap: { ...settings, unit: 'session' },
  };
}
