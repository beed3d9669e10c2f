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
  const known = labels ? new Set(labels) : null;
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const hits = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { gold, predicted: pred } of pairs) {
    bump(support, gold);
    if (pred === null || (known && !known.has(pred))) continue;
    bump(predicted, pred);
    if (pred === gold) bump(hits, gold);
  }
  const order = labels
    ? [...labels]
    : [...new Set([...support.keys(), ...predicted.keys()])].sort();
  const classes: ClassScore[] = [];
  for (const label of order) {
    const s = support.get(label) ?? 0;
    const p = predicted.get(label) ?? 0;
    if (s === 0 && p === 0) continue;
    const tp = hits.get(label) ?? 0;
    const precision = p > 0 ? tp / p : 0;
    const recall = s > 0 ? tp / s : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    classes.push({ label, support: s, predicted: p, truePositives: tp, precision, recall, f1 });
  }
  const totalSupport = classes.reduce((sum, c) => sum + c.support, 0);
  return {
    classes,
    macro: classes.length ? classes.reduce((sum, c) => sum + c.f1, 0) / classes.length : null,
    weighted: totalSupport
      ? classes.reduce((sum, c) => sum + c.support * c.f1, 0) / totalSupport
      : null,
    total: pairs.length,
  };
}

/**
 * Binary F1 of one positive class. Null (undefined) when the positive class has neither support
 * nor predictions: there is nothing to find and nothing was claimed.
 */
export function binaryF1(pairs: readonly LabelPair[], positive: string): number | null {
  const scores = f1Scores(pairs);
  const cls = scores.classes.find((c) => c.label === positive);
  return cls ? cls.f1 : null;
}
