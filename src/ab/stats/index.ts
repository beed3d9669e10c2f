/** The statistics of `shopsim ab`: paired A/B comparisons with common random numbers. */
export { discordantConfidenceSequence } from './confidence-sequence.js';
export { Interval } from './interval.js';
export { McNemarResult, mcnemarExact } from './mcnemar.js';
export { normalCdf } from './normal-cdf.js';
export { normalQuantile } from './normal-quantile.js';
export {
  meanDifference,
  pairedBootstrap,
  type NumericPair,
  type PairedBootstrap,
  type PairedBootstrapOptions,
} from './paired-bootstrap.js';
export { pairedDifference, type PairedDifference } from './paired-difference.js';
export { PairedTable, tallyPairs, type PairedOutcome } from './paired-table.js';
export { ArmOutcome, PairRecord } from './pairs-schema.js';
export {
  estimateDiscordance,
  minimumDetectableDifference,
  pairedPower,
  pairsNeeded,
  pairsNeededExact,
  type PlanOptions,
} from './planning.js';
export {
  mixtureLogBayesFactor,
  SequentialDecision,
  sequentialDecision,
  type SequentialOptions,
} from './sequential.js';
export { summarizePairs, type SummarizeOptions } from './summarize-pairs.js';
export {
  BinaryMetricSummary,
  MetricRole,
  MetricSummary,
  NumericMetricSummary,
  PairsSummary,
} from './summary-schema.js';
