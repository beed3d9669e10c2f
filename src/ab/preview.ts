import path from 'node:path';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { audienceWeights } from '../personas/audience.js';
import { document, heading } from '../report/markdown.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import { readHumanTrace, humanTraceFiles, checkOutsideInput } from '../traces/human-input.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../traces/run.js';
import type { Trace } from '../traces/schema.js';
import { analyzePairs, type PairsAnalysis } from './analyze.js';
import type { Arm } from './arms.js';
import { continueHumans, type ContinuationRow, type PrefixChoice } from './continuation.js';
import {
  continuationMarkdown,
  tallyContinuations,
  type ContinuationTally,
} from './continuation-report.js';
import { fetchOrderTotals } from './orders.js';
import { planPairs } from './pairs.js';
import { pairsMarkdown } from './pairs-markdown.js';
import { runPairs } from './run-pairs.js';

/** What every A/B preview is given: the settings, the two arms and where they are. */
export interface PreviewBase {
  config: Config;
  arms: Arm[];
  recipe: Recipe | null;
  siteLabel: string;
  /** The bundled shop's URL (its order log gives revenue), or null. */
  shopUrl: string | null;
  signal?: AbortSignal;
  /** Save one PNG per step of every paired session. */
  screenshots?: boolean;
}

export interface PairsPreview extends PreviewBase {
  personas: Persona[];
  sessions: number;
  maxPairs: number | null;
  primary: string;
  untilDecided: boolean;
}

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
  files: ReportFiles;
}

function runDirOf(config: Config): string {
  return config.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('ab'));
}

function header(base: PreviewBase, dir: string) {
  return {
    runDir: dir,
    model: base.config.model,
    seed: base.config.seed,
    site: base.siteLabel,
    armUrls: Object.fromEntries(base.arms.map((a) => [a.name, a.startUrl])),
  };
}

/** Runs the pairs in both arms, compares them and writes ab.json and ab.md. */
export async function previewPairs(preview: PairsPreview): Promise<PairsResult> {
  const dir = runDirOf(preview.config);
  const weights = audienceWeights(preview.personas);
  const pairs = planPairs(
    preview.config.seed,
    preview.personas,
    preview.sessions,
    preview.maxPairs ?? Infinity,
  );
  const run = await runPairs({
    config: preview.config,
    arms: preview.arms,
    recipe: preview.recipe,
    siteLabel: preview.siteLabel,
    pairs,
    dir,
    runConfig: { sessions: preview.sessions, primary: preview.primary },
    untilDecided: preview.untilDecided ? preview.primary : null,
    signal: preview.signal,
    screenshots: preview.screenshots,
  });
  if (run.finished.length === 0) {
    throw new UsageError('no pair finished in both arms (interrupted?); nothing to compare.');
  }
  const orders = await fetchOrderTotals(preview.shopUrl);
  const names: [string, string] = [preview.arms[0]!.name, preview.arms[1]!.name];
  const analysis = await analyzePairs(names, run.finished, orders, preview.primary, weights);
  const result = {
    kind: 'pairs' as const,
    ...header(preview, dir),
    plannedPairs: pairs.length,
    stoppedAt:
      run.decidedAt !== null && run.finished.length < pairs.length ? run.finished.length : null,
    ...analysis,
  };
  const markdown = document([
    heading(1, `A/B preview ${names[0]} vs ${names[1]}`),
    `Model ${result.model}, run seed ${result.seed}, site ${result.site}. ` +
      `${run.finished.length} of ${pairs.length} planned pairs ran` +
      (result.stoppedAt !== null ? ' (stopped early: the primary metric was decided).' : '.'),
    ...pairsMarkdown(analysis),
  ]);
  const files = await writeReport(dir, 'ab', { json: result, markdown });
  return { ...result, files };
}

export interface ContinuationPreview extends PreviewBase {
  humans: string;
  prefix: PrefixChoice;
}

export interface ContinuationResult {
  kind: 'from-human';
  runDir: string;
  model: string;
  seed: number;
  site: string;
  armUrls: Record<string, string>;
  skipped: { file: string; reason: string }[];
  tallies: ContinuationTally[];
  sessions: ContinuationRow[];
  files: ReportFiles;
}

/** Continues every human session of `humans` on both arms; writes ab.json and ab.md. */
export async function previewContinuations(
  preview: ContinuationPreview,
): Promise<ContinuationResult> {
  const dir = runDirOf(preview.config);
  checkOutsideInput(preview.humans, dir);
  const skipped: { file: string; reason: string }[] = [];
  const humans: Trace[] = [];
  for (const file of await humanTraceFiles(preview.humans)) {
    const trace = await readHumanTrace(file, skipped, 'only human sessions are continued.');
    if (trace && trace.steps.length === 0) skipped.push({ file, reason: 'it has no steps.' });
    else if (trace) humans.push(trace);
  }
  if (humans.length === 0) {
    throw new UsageError(`${preview.humans} holds no human session with steps to continue.`);
  }
  const rows = await continueHumans({
    config: preview.config,
    arms: preview.arms,
    recipe: preview.recipe,
    siteLabel: preview.siteLabel,
    humans,
    prefix: preview.prefix,
    dir,
    signal: preview.signal,
  });
  const tallies = tallyContinuations(
    rows,
    preview.arms.map((a) => a.name),
  );
  const result = {
    kind: 'from-human' as const,
    ...header(preview, dir),
    skipped,
    tallies,
    sessions: rows,
  };
  const markdown = document([
    heading(1, `Counterfactual continuation on ${preview.arms.map((a) => a.name).join(' vs ')}`),
    `Model ${result.model}, run seed ${result.seed}, ${rows.length} human sessions from ${preview.humans}` +
      (skipped.length ? ` (${skipped.length} files skipped).` : '.'),
    ...continuationMarkdown(rows, tallies),
  ]);
  const files = await writeReport(dir, 'ab', { json: result, markdown });
  return { ...result, files };
}
