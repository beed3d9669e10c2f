import type { Action } from '../../action.js';
import { normalizeText } from '../../action.js';
import type { ScoredStep } from '../scored-step.js';

/**
 * Kinds of wrong prediction. The first six partition the wrong *valid* predictions by
 * (gold type, predicted type); illegal outputs and missing predictions are counted apart.
 */
export const ERROR_CATEGORIES = [
  'didnt_terminate',
  'didnt_click',
  'didnt_search',
  'wrong_keyword',
  'wrong_field',
  'wrong_target',
  'illegal',
  'missing',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const ERROR_LABELS: Record<ErrorCategory, string> = {
  didnt_terminate: "didn't terminate",
  didnt_click: "didn't click",
  didnt_search: "didn't search (missed input)",
  wrong_keyword: 'searched the wrong keyword',
  wrong_field: 'typed into the wrong field',
  wrong_target: 'clicked the wrong target',
  illegal: 'illegal output',
  missing: 'missing prediction',
};

/**
 * Why a valid prediction is wrong; null when it is right.
 * - gold terminate, predicted click or type_and_submit -> didnt_terminate
 * - gold click, predicted type_and_submit or terminate  -> didnt_click
 * - gold type_and_submit, predicted click or terminate -> didnt_search
 * - both type_and_submit, same field, different text (trimmed, case-folded) -> wrong_keyword
 * - both type_and_submit, different field (whatever the text) -> wrong_field
 * - both click, different name -> wrong_target
 */
export function classifyMiss(gold: Action, predicted: Action): ErrorCategory | null {
  if (gold.type === 'terminate') return predicted.type === 'terminate' ? null : 'didnt_terminate';
  if (gold.type === 'click') {
    if (predicted.type !== 'click') return 'didnt_click';
    return predicted.name === gold.name ? null : 'wrong_target';
  }
  if (predicted.type !== 'type_and_submit') return 'didnt_search';
  if (predicted.name !== gold.name) return 'wrong_field';
  return normalizeText(predicted.text) === normalizeText(gold.text) ? null : 'wrong_keyword';
}

/** The error category of a scored step; null when it is correct. */
export function stepErrorCategory(step: ScoredStep): ErrorCategory | null {
  if (step.status === 'illegal') return 'illegal';
  if (step.status === 'missing' || step.predicted === null) return 'missing';
  return classifyMiss(step.gold, step.predicted);
}

export interface ErrorTaxonomy {
  counts: Record<ErrorCategory, number>;
  /** All wrong steps, including illegal and missing. */
  errors: number;
  /** Wrong valid predictions: the denominator of the category shares. */
  validErrors: number;
  /** Share of each of the six categories among wrong valid predictions (null when none). */
  shares: Record<Exclude<ErrorCategory, 'illegal' | 'missing'>, number | null>;
}

export function errorTaxonomy(steps: readonly ScoredStep[]): ErrorTaxonomy {
  const counts = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, 0])) as Record<
    ErrorCategory,
    number
  >;
  for (const step of steps) {
    const category = stepErrorCategory(step);
    if (category) counts[category] += 1;
  }
  const errors = ERROR_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const validErrors = errors - counts.illegal - counts.missing;
  const share = (n: number) => (validErrors ? n / validErrors : null);
  return {
    counts,
    errors,
    validErrors,
    shares: {
      didnt_terminate: share(counts.didnt_terminate),
      didnt_click: share(counts.didnt_click),
      didnt_search: share(counts.didnt_search),
      wrong_keyword: share(counts.wrong_keyword),
      wrong_field: share(counts.wrong_field),
      wrong_target: share(counts.wrong_target),
    },
  };
}
