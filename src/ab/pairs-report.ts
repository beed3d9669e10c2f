import type { CacheSummary } from '../cost/cache-savings.js';
import { document, heading } from '../report/markdown.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import { analyzePairs, type PairsAnalysis } from './analyze.js';
import type { FinishedPair } from './kept-pairs.js';
import { pairsMarkdown } from './pairs-markdown.js';

export interface PairsResult extends PairsAnalysis {
  kind: 'pairs';
  runDir: string;
  model: string;
  seed: number;
  site: string;
  armUrls: Record<string, string>;
  plannedPairs: number;
  /** Pairs run when --until-decided stopped early; null otherwise. */
  stoppedAt: number | null;
  /** What --cache did for this invocation; null without one (and in a merged run). */
  cache: CacheSummary | null;
  files: ReportFiles;
}

/** What a paired run's report is made of: where and how it ran, and its finished pairs. */
export interface PairsReportInput {
  runDir: string;
  model: string;
  seed: number;
  site: string;
  armUrls: Record<string, string>;
  /** [control, treatment] arm names. */
  arms: [string, string];
  /** In plan order, or the sequential test's order with --until-decided. */
  finished: readonly FinishedPair[];
  plannedPairs: number;
  /** The pair count at which --until-decided decided, when it did. */
  decidedAt: number | null;
  /** Order totals by order id (revenue), null when the site has no order log. */
  orders: Map<string, number> | null;
  primary: string;
  weights: ReadonlyMap<string, number> | null;
  cache: CacheSummary | null;
}

/**
 * Analyses the finished pairs and writes ab.json and ab.md into the run folder: what `ab` writes
 * after its pairs ran, and what `shopsim merge` writes for the joined shards of an ab run.
 */
export async function reportPairs(input: PairsReportInput): Promise<PairsResult> {
  const { arms, finished, plannedPairs } = input;
  const analysis = await analyzePairs(arms, finished, input.orders, input.primary, input.weights);
  const result = {
    kind: 'pairs' as const,
    runDir: input.runDir,
    model: input.model,
    seed: input.seed,
    site: input.site,
    armUrls: input.armUrls,
    plannedPairs,
    stoppedAt: input.decidedAt !== null && finished.length < plannedPairs ? finished.length : null,
    cache: input.cache,
    ...analysis,
  };
  const markdown = document([
    heading(1, `A/B preview ${arms[0]} vs ${arms[1]}`),
    `Model ${result.model}, run seed ${result.seed}, site ${result.site}. ` +
      `${finished.length} of ${plannedPairs} planned pairs ran` +
      (result.stoppedAt !== null ? ' (stopped early: the primary metric was decided).' : '.'),
    ...pairsMarkdown(analysis),
  ]);
  const files = await writeReport(input.runDir, 'ab', { json: result, markdown });
  return { ...result, files };
}
