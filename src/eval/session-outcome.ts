import type { TraceStep } from '../traces/schema.js';

/**
 * The step at which a session's outcome (purchase or terminate) is judged: its last step, except
 * that terminate steps recorded right after a purchase click are ignored (datasets such as OPeRA
 * may log the tab closing after the purchase; the session still ended in that purchase).
 */
export function outcomeStepIndex(
  steps: readonly TraceStep[],
  isPurchaseClick: (step: TraceStep) => boolean,
): number {
  const last = steps.length - 1;
  let i = last;
  while (i >= 0 && steps[i]!.action.type === 'terminate') i--;
  return i >= 0 && i < last && isPurchaseClick(steps[i]!) ? i : last;
}
