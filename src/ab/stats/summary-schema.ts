import { z } from 'zod';
import { Interval } from './interval.js';
import { McNemarResult } from './mcnemar.js';
import { PairedTable } from './paired-table.js';
import { SequentialDecision } from './sequential.js';

/** The one pre-declared primary metric, or an exploratory one (no multiplicity correction). */
export const MetricRole = z.enum(['primary', 'exploratory']);
export type MetricRole = z.infer<typeof MetricRole>;

/** A yes/no metric compared pair by pair. Differences are treatment minus control. */
export const BinaryMetricSummary = z.object({
  metric: z.string(),
  kind: z.literal('binary'),
  role: MetricRole,
  /** Pairs where both arms measured the metric. */
  pairs: z.number().int(),
  table: PairedTable,
  controlRate: z.number(),
  treatmentRate: z.number(),
  difference: z.number(),
  interval: Interval,
  level: z.number(),
  intervalMethod: z.literal('newcombe-paired-square-and-add'),
  mcnemar: McNemarResult,
  /** Anytime-valid test, pairs in the order given; primary metric only. */
  sequential: SequentialDecision.nullable(),
  /** Primary metric only: observed discordance and the difference these pairs could detect. */
  plan: z
    .object({
      discordance: z.number().nullable(),
      minimumDetectableDifference: z.number().nullable(),
      alpha: z.number(),
      power: z.number(),
    })
    .nullable(),
});
export type BinaryMetricSummary = z.infer<typeof BinaryMetricSummary>;

/** A numeric metric compared pair by pair. Differences are treatment minus control. */
export const NumericMetricSummary = z.object({
  metric: z.string(),
  kind: z.literal('numeric'),
  role: MetricRole,
  pairs: z.number().int(),
  controlMean: z.number(),
  treatmentMean: z.number(),
  meanDifference: z.number(),
  interval: Interval.nullable(),
  level: z.number(),
  intervalMethod: z.literal('paired-percentile-bootstrap'),
  resamples: z.number().int(),
  seed: z.number(),
});
export type NumericMetricSummary = z.infer<typeof NumericMetricSummary>;

export const MetricSummary = z.discriminatedUnion('kind', [
  BinaryMetricSummary,
  NumericMetricSummary,
]);
export type MetricSummary = z.infer<typeof MetricSummary>;

/** Per-metric paired results of an A/B preview, the primary metric first. */
export const PairsSummary = z.object({
  pairs: z.number().int(),
  personas: z.number().int(),
  primary: z.string(),
  metrics: z.array(MetricSummary),
  /** Metrics that no pair measured in both arms. */
  skipped: z.array(z.string()),
});
export type PairsSummary = z.infer<typeof PairsSummary>;
