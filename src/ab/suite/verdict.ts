import type { BinaryMetricSummary, PairsSummary } from '../stats/index.js';
import type { KnownEffect } from './known-effects.js';

/** What one suite entry found. */
export interface SuiteVerdict {
  arm: string;
  variant: string;
  change: string;
  metric: string;
  expect: KnownEffect['expect'];
  pairs: number;
  controlRate: number | null;
  treatmentRate: number | null;
  difference: number | null;
  pValue: number | null;
  /** The sequential test decided (with --until-decided), in `direction`. */
  sequential: { decided: boolean; direction: 'treatment' | 'control' | null } | null;
  /** The arms differ significantly: the sequential test decided, or McNemar p < alpha. */
  significant: boolean;
  /** Expected direction found (A/A: no significant difference). */
  found: boolean;
  note: string;
}

/**
 * Judges one entry from its paired statistics: with `sequential` (the run stopped by
 * --until-decided) significant when the anytime-valid test decided, else when the exact McNemar
 * p-value is under `alpha`; found when the significant difference points the expected way, or,
 * for A/A, when nothing is significant.
 */
export function judge(
  effect: KnownEffect,
  stats: PairsSummary,
  options: { sequential: boolean; alpha?: number },
): SuiteVerdict {
  const alpha = options.alpha ?? 0.05;
  const m = stats.metrics.find(
    (s): s is BinaryMetricSummary => s.kind === 'binary' && s.metric === effect.metric,
  );
  const base = {
    arm: effect.arm,
    variant: effect.variant,
    change: effect.change,
    metric: effect.metric,
    expect: effect.expect,
    pairs: m?.pairs ?? 0,
  };
  if (!m) {
    return {
      ...base,
      controlRate: null,
      treatmentRate: null,
      difference: null,
      pValue: null,
      sequential: null,
      significant: false,
      found: false,
      note: `no pair measured ${effect.metric} in both arms`,
    };
  }
  const sequential =
    options.sequential && m.sequential
      ? { decided: m.sequential.decided, direction: m.sequential.direction }
      : null;
  const significant = sequential ? sequential.decided : m.mcnemar.pValue < alpha;
  const lower = m.difference < 0;
  const found =
    effect.expect === 'none'
      ? !significant
      : significant && (effect.expect === 'lower' ? lower : m.difference > 0);
  const how = sequential ? 'sequential test' : `McNemar p=${m.mcnemar.pValue.toFixed(3)}`;
  const note =
    effect.expect === 'none'
      ? significant
        ? `false positive: ${how} called a difference between identical arms`
        : `no significant difference (${how})`
      : found
        ? `${effect.expect} as expected (${how})`
        : significant
          ? `significant in the wrong direction (${how})`
          : `not detected with ${m.pairs} pairs (${how})`;
  return {
    ...base,
    controlRate: m.controlRate,
    treatmentRate: m.treatmentRate,
    difference: m.difference,
    pValue: m.mcnemar.pValue,
    sequential,
    significant,
    found,
    note,
  };
}
