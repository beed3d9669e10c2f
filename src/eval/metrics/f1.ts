/** A gold label and a predicted label; a null prediction (illegal or missing) is never a hit. */
export interface LabelPair {
  gold: string;
  predicted: string | null;
}

export interface ClassScore {
  label: string;
  /** Gold items of this class. */
  support: number;
  /** Predictions of this class. */
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface F1Scores {
  /** Classes with support or predictions (others are excluded), in label order. */
  classes: ClassScore[];
  /** Unweighted mean F1 over the included classes; null when there are none. */
  macro: number | null;
  /** Support-weighted mean F1; null when nothing has support. */
  weighted: number | null;
  /** Items scored (pairs). */
  total: number;
}

/**
 * Per-class precision, recall and F1 with macro and weighted averages.
 * Conventions (documented in the eval report):
 * - a class with neither support nor predictions is excluded from every average;
 * - precision of a class never predicted is 0, recall of a class with no support is 0
 *   (so a class predicted but absent from gold has F1 0 and lowers the macro average);
 * - a null prediction (illegal output, missing prediction) is a miss for the gold class and a
 *   false positive for no class;
 * - `labels` fixes the class order and restricts predictions to known labels (an unknown
 *   predicted label counts like a null prediction); without it classes are sorted by name.
 */
export function f1Scores(pairs: readonly LabelPair[], labels?: readonly string[]): F1Scores {
  return f1FromCounts(countLabels(pairs, labels));
}

/** Per-label tallies: everything the F1 scores depend on (and additive across sessions). */
export interface LabelCounts {
  labels: string[];
  support: number[];
  predicted: number[];
  truePositives: number[];
}

/** Tallies gold support, predictions and hits per label (see f1Scores for the conventions). */
export function countLabels(pairs: readonly LabelPair[], labels?: readonly string[]): LabelCounts {
  const order = labels
    ? [...labels]
    : [
        ...new Set(pairs.flatMap((p) => (p.predicted === null ? [p.gold] : [p.gold, p.predicted]))),
      ].sort();
  const index = new Map(order.map((l, i) => [l, i]));
  const counts: LabelCounts = {
    labels: order,
    support: order.map(() => 0),
    predicted: order.map(() => 0),
    truePositives: order.map(() => 0),
  };
  for (const { gold, predicted } of pairs) {
    const g = index.get(gold);
    if (g !== undefined) counts.support[g]! += 1;
    const p = predicted === null ? undefined : index.get(predicted);
    if (p === undefined) continue;
    counts.predicted[p]! += 1;
    if (p === g) counts.truePositives[p]! += 1;
  }
  return counts;
}

/** F1 scores from tallies; classes with neither support nor predictions are left out. */
export function f1FromCounts(counts: LabelCounts): F1Scores {
  const classes: ClassScore[] = [];
  let total = 0;
  counts.labels.forEach((label, i) => {
    const s = counts.support[i]!;
    const p = counts.predicted[i]!;
    total += s;
    if (s === 0 && p === 0) return;
    const tp = counts.truePositives[i]!;
    const precision = p > 0 ? tp / p : 0;
    const recall = s > 0 ? tp / s : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    classes.push({ label, support: s, predicted: p, truePositives: tp, precision, recall, f1 });
  });
  const totalSupport = classes.reduce((sum, c) => sum + c.support, 0);
  return {
    classes,
    macro: classes.length ? classes.reduce((sum, c) => sum + c.f1, 0) / classes.length : null,
    weighted: totalSupport
      ? classes.reduce((sum, c) => sum + c.support * c.f1, 0) / totalSupport
      : null,
    total,
  };
}

/** Tallies as one flat vector [support..., predicted..., truePositives...] (for bootstrap sums). */
export function flattenCounts(counts: LabelCounts): number[] {
  return [...counts.support, ...counts.predicted, ...counts.truePositives];
}

export function unflattenCounts(
  labels: readonly string[],
  flat: ArrayLike<number>,
  offset = 0,
): LabelCounts {
  const n = labels.length;
  const slice = (k: number) => Array.from({ length: n }, (_, i) => flat[offset + k * n + i]!);
  return { labels: [...labels], support: slice(0), predicted: slice(1), truePositives: slice(2) };
}

/**
 * Binary F1 of one positive class. Null (undefined) when the positive class has neither support
 * nor predictions: there is nothing to find and nothing was claimed.
 */
export function binaryF1(pairs: readonly LabelPair[], positive: string): number | null {
  return classF1(f1Scores(pairs), positive);
}

/** F1 of one class of computed scores; null when the class was left out (no support, no predictions). */
export function classF1(scores: F1Scores, label: string): number | null {
  return scores.classes.find((c) => c.label === label)?.f1 ?? null;
}
