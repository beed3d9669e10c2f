import { UsageError } from '../../errors.js';
import { mcnemarExact } from './mcnemar.js';
import { pairedBootstrap, meanDifference, type NumericPair } from './paired-bootstrap.js';
import { pairedDifference } from './paired-difference.js';
import { tallyPairs, type PairedOutcome } from './paired-table.js';
import type { ArmOutcome, PairRecord } from './pairs-schema.js';
import { estimateDiscordance, minimumDetectableDifference } from './planning.js';
import { sequentialDecision } from './sequential.js';
import type {
  BinaryMetricSummary,
  MetricRole,
  MetricSummary,
  NumericMetricSummary,
  PairsSummary,
} from './summary-schema.js';

export interface SummarizeOptions {
  /** The pre-declared primary metric; default "converted". */
  primary?: string;
  /** Confidence level of every interval; default 0.95. */
  level?: number;
  /** Type-I error of the sequential test and of the planning figure; default 0.05. */
  alpha?: number;
  /** Power of the planning figure; default 0.8. */
  power?: number;
  /** Bootstrap resamples per numeric metric; default 2000. */
  resamples?: number;
  /** Bootstrap seed, the same for every numeric metric; default 1. */
  seed?: number;
  /** Beta(a, a) prior strength of the sequential test; default 1. */
  priorA?: number;
}

type Kind = 'binary' | 'numeric';

/**
 * Paired results for every metric of an A/B preview. Binary metrics get the paired difference
 * with Newcombe's interval and the exact McNemar test; numeric metrics the mean difference with
 * a paired bootstrap interval. The primary metric comes first and, when binary, also gets the
 * anytime-valid sequential decision (pairs taken in the order given: pass them in the order
 * they completed) and a planning figure; every other metric is flagged exploratory.
 */
export function summarizePairs(
  pairs: readonly PairRecord[],
  options: SummarizeOptions = {},
): PairsSummary {
  const primary = options.primary ?? 'converted';
  if (pairs.length === 0) {
    throw new UsageError('no pairs to summarize: run at least one persona and seed in both arms.');
  }
  const ids = new Set<string>();
  for (const { pairId } of pairs) {
    if (ids.has(pairId))
      throw new UsageError(`pair ${pairId} appears twice; give each pair one id.`);
    ids.add(pairId);
  }
  const kinds = metricKinds(pairs);
  if (!kinds.has(primary)) {
    throw new UsageError(
      `the primary metric "${primary}" is not measured by any pair; ` +
        `choose one of: ${[...kinds.keys()].sort().join(', ')}.`,
    );
  }
  const names = [primary, ...[...kinds.keys()].filter((m) => m !== primary).sort()];
  const metrics: MetricSummary[] = [];
  const skipped: string[] = [];
  for (const metric of names) {
    const role: MetricRole = metric === primary ? 'primary' : 'exploratory';
    const kind = kinds.get(metric);
    const usable = pairs.filter(
      (p) => valueOf(p.control, metric) !== null && valueOf(p.treatment, metric) !== null,
    );
    if (!kind || usable.length === 0) {
      if (role === 'primary') {
        throw new UsageError(`no pair measured the primary metric "${metric}" in both arms.`);
      }
      skipped.push(metric);
    } else if (kind === 'binary') {
      metrics.push(binarySummary(metric, role, usable, options));
    } else {
      metrics.push(numericSummary(metric, role, usable, options));
    }
  }
  const personas = new Set(pairs.map((p) => p.persona)).size;
  return { pairs: pairs.length, personas, primary, metrics, skipped };
}

function valueOf(arm: ArmOutcome, metric: string): boolean | number | null {
  return arm[metric] ?? null;
}

/**
 * Every metric named in some arm, with its kind from the values present (null while only nulls
 * were seen); a metric that is boolean in one run and numeric in another is an error.
 */
function metricKinds(pairs: readonly PairRecord[]): Map<string, Kind | null> {
  const kinds = new Map<string, Kind | null>();
  for (const pair of pairs) {
    for (const arm of [pair.control, pair.treatment]) {
      for (const [metric, value] of Object.entries(arm)) {
        if (value === null) {
          if (!kinds.has(metric)) kinds.set(metric, null);
          continue;
        }
        const kind: Kind = typeof value === 'boolean' ? 'binary' : 'numeric';
        const known = kinds.get(metric);
        if (known && known !== kind) {
          throw new UsageError(
            `metric "${metric}" is a ${known === 'binary' ? 'boolean' : 'number'} in some runs ` +
              `and a ${kind === 'binary' ? 'boolean' : 'number'} in pair ${pair.pairId}; ` +
              `record each metric with one type.`,
          );
        }
        kinds.set(metric, kind);
      }
    }
  }
  return kinds;
}

function binarySummary(
  metric: string,
  role: MetricRole,
  pairs: readonly PairRecord[],
  options: SummarizeOptions,
): BinaryMetricSummary {
  const outcomes: PairedOutcome[] = pairs.map((p) => ({
    control: valueOf(p.control, metric) as boolean,
    treatment: valueOf(p.treatment, metric) as boolean,
  }));
  const table = tallyPairs(outcomes);
  const difference = pairedDifference(table, options.level ?? 0.95);
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const discordance = estimateDiscordance(table);
  const isPrimary = role === 'primary';
  return {
    metric,
    kind: 'binary',
    role,
    pairs: pairs.length,
    table,
    controlRate: difference.controlRate,
    treatmentRate: difference.treatmentRate,
    difference: difference.difference,
    interval: difference.interval,
    level: difference.level,
    intervalMethod: 'newcombe-paired-square-and-add',
    mcnemar: mcnemarExact(table.b, table.c),
    sequential: isPrimary ? sequentialDecision(outcomes, { alpha, priorA: options.priorA }) : null,
    plan: isPrimary
      ? {
          discordance,
          minimumDetectableDifference: discordance
            ? minimumDetectableDifference(pairs.length, { discordance, alpha, power })
            : null,
          alpha,
          power,
        }
      : null,
  };
}

function numericSummary(
  metric: string,
  role: MetricRole,
  pairs: readonly PairRecord[],
  options: SummarizeOptions,
): NumericMetricSummary {
  const values: NumericPair[] = pairs.map((p) => ({
    control: valueOf(p.control, metric) as number,
    treatment: valueOf(p.treatment, metric) as number,
  }));
  const resamples = options.resamples ?? 2000;
  const seed = options.seed ?? 1;
  const boot = pairedBootstrap(values, meanDifference, { resamples, seed, level: options.level });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    metric,
    kind: 'numeric',
    role,
    pairs: pairs.length,
    controlMean: mean(values.map((v) => v.control)),
    treatmentMean: mean(values.map((v) => v.treatment)),
    meanDifference: boot.estimate,
    interval: boot.interval,
    level: boot.level,
    intervalMethod: 'paired-percentile-bootstrap',
    resamples,
    seed,
  };
}
