import type { ScoredStep } from '../scored-step.js';

export interface Accuracy {
  correct: number;
  total: number;
  /** correct / total; null when there is nothing to score. */
  value: number | null;
}

export function accuracy(steps: readonly ScoredStep[]): Accuracy {
  const correct = steps.filter((s) => s.correct).length;
  return { correct, total: steps.length, value: steps.length ? correct / steps.length : null };
}

/** Accuracy per group, groups in first-seen order; steps whose key is null are left out. */
export function accuracyBy(
  steps: readonly ScoredStep[],
  key: (step: ScoredStep) => string | null,
): { group: string; accuracy: Accuracy }[] {
  const groups = new Map<string, ScoredStep[]>();
  for (const step of steps) {
    const k = key(step);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(step);
    groups.set(k, list);
  }
  return [...groups].map(([group, list]) => ({ group, accuracy: accuracy(list) }));
}

/** Exact-match accuracy per gold action type (click, type_and_submit, terminate). */
export function accuracyByActionType(steps: readonly ScoredStep[]) {
  const order = ['click', 'type_and_submit', 'terminate'];
  return accuracyBy(steps, (s) => s.gold.type).sort(
    (a, b) => order.indexOf(a.group) - order.indexOf(b.group),
  );
}

/** Exact-match accuracy per gold click type, over human clicks whose click_type is known. */
export function accuracyByClickType(steps: readonly ScoredStep[]) {
  return accuracyBy(steps, (s) => (s.gold.type === 'click' ? s.goldClickType : null)).sort(
    (a, b) => b.accuracy.total - a.accuracy.total || a.group.localeCompare(b.group),
  );
}
