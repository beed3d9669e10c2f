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
import { openRunFolder } from '../agent/run-folder.js';
import type { ModelEvents } from '../agent/session-models.js';
import { shardSlice, type Shard } from '../agent/shard.js';
import { publicConfig } from '../config.js';
import type { Arm } from './arms.js';
import { continueHumans, type ContinuationRow, type PrefixChoice } from './continuation.js';
import {
  continuationMarkdown,
  tallyContinuations,
  type ContinuationTally,
} from './continuation-report.js';
import { fetchOrderTotals } from './orders.js';
import { planPairs } from './pairs.js';
import { joinOrderLogs, readOrderLog, writeOrderLog } from './order-log.js';
import { reportPairs, type PairsResult } from './pairs-report.js';
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
  /** --verbose exchanges and warnings about the model. */
  events?: ModelEvents;
}

export interface PairsPreview extends PreviewBase {
  personas: Persona[];
  sessions: number;
  maxPairs: number | null;
  primary: string;
  untilDecided: boolean;
  /** Run only this slice of the pairs (both arms of a pair always together); null: all. */
  shard: Shard | null;
  /** Continue the run in `config.out`: pairs finished in both arms are kept, the rest rerun. */
  resume: boolean;
  /** What run.json records as the run's configuration (compared by --resume and merge). */
  runConfig: Record<string, unknown>;
}

export type { PairsResult } from './pairs-report.js';

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

/**
 * Runs the pairs (of one shard) in both arms into a run folder with its own run.json (kind
 * "ab"; each arm's sessions in <dir>/<arm>/), saves the shop's order totals (orders.json),
 * compares the arms and writes ab.json and ab.md.
 */
export async function previewPairs(preview: PairsPreview): Promise<PairsResult> {
  const { config } = preview;
  const run = await openRunFolder(config.out, preview.resume, {
    kind: 'ab',
    site: preview.siteLabel,
    variant: null,
    model: config.model,
    seed: config.seed,
    personas: preview.personas.map((p) => p.id),
    config: preview.runConfig,
  });
  const dir = run.dir;
  const weights = audienceWeights(preview.personas);
  const planned = planPairs(
    config.seed,
    preview.personas,
    preview.sessions,
    preview.maxPairs ?? Infinity,
  );
  const pairs = shardSlice(planned, preview.shard);
  const ran = await runPairs({
    config,
    arms: preview.arms,
    recipe: preview.recipe,
    siteLabel: preview.siteLabel,
    pairs,
    dir,
    runConfig: preview.runConfig,
    untilDecided: preview.untilDecided ? preview.primary : null,
    signal: preview.signal,
    screenshots: preview.screenshots,
    resume: preview.resume,
    events: preview.events,
  });
  // kept pairs ordered in an earlier run's shop: their totals were saved in orders.json
  const orders = joinOrderLogs([readOrderLog(dir), await fetchOrderTotals(preview.shopUrl)]);
  await writeOrderLog(dir, orders);
  if (ran.finished.length === 0) {
    throw new UsageError('no pair finished in both arms (interrupted?); nothing to compare.');
  }
  return reportPairs({
    ...header(preview, dir),
    arms: [preview.arms[0]!.name, preview.arms[1]!.name],
    finished: ran.finished,
    plannedPairs: pairs.length,
    decidedAt: ran.decidedAt,
    orders,
    primary: preview.primary,
    weights,
    cache: ran.cache,
  });
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
  const planned = runDirOf(preview.config);
  checkOutsideInput(preview.humans, planned);
  const { dir } = await openRunFolder(planned, false, {
    kind: 'ab',
    site: preview.siteLabel,
    variant: null,
    model: preview.config.model,
    seed: preview.config.seed,
    personas: [],
    config: { ...publicConfig(preview.config), fromHuman: preview.humans, prefix: preview.prefix },
  });
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
    events: preview.events,
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
