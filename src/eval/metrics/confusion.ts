import { ACTION_TYPES, type ActionType } from '../../action.js';
import type { ScoredStep } from '../scored-step.js';

export const CONFUSION_COLUMNS = [...ACTION_TYPES, 'illegal', 'missing'] as const;
export type ConfusionColumn = (typeof CONFUSION_COLUMNS)[number];

/** Rows: gold action type. Columns: predicted action type, or illegal / missing. */
export type ConfusionMatrix = Record<ActionType, Record<ConfusionColumn, number>>;

export function actionTypeConfusion(steps: readonly ScoredStep[]): ConfusionMatrix {
  const matrix = Object.fromEntries(
    ACTION_TYPES.map((g) => [g, Object.fromEntries(CONFUSION_COLUMNS.map((c) => [c, 0]))]),
  ) as ConfusionMatrix;
  for (const s of steps) {
    const column: ConfusionColumn =
      s.status === 'ok' && s.predicted
        ? s.predicted.type
        : s.status === 'ok'
          ? 'missing'
          : s.status;
    matrix[s.gold.type][column] += 1;
  }
  return matrix;
}
