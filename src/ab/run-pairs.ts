import path from 'node:path';
import PQueue from 'p-queue';
import { modelOnlySource } from './model-actions.js';
import { launchBrowser } from '../browser/launch.js';
import type { Config } from '../config.js';
import type { SimulatorModel } from '../models/model.js';
import type { Recipe } from '../observe/recipe.js';
import { sequentialDecision } from './stats/index.js';
import { readTraceFile } from '../traces/reader.js';
import { createRun } from '../traces/run.js';
import type { Arm } from './arms.js';
import { runArmSession } from './arm-session.js';
import { sessionMetrics } from './metrics.js';
import { unfinishedReason } from './unfinished.js';
import type { PairJob } from './pairs.js';
import { openSharedModel } from './shared-model.js';

export interface PairsRunPlan {
  config: Config;
  /** [control, treatment]. */
  arms: Arm[];
  recipe: Recipe | null;
  siteLabel: string;
  pairs: PairJob[];
  /** The run folder; each arm writes into <dir>/<arm name>/. */
  dir: string;
  runConfig: Record<string, unknown>;
  /** Stop starting new pairs once the sequential test of this binary metric has decided. */
  untilDecided: string | null;
  signal?: AbortSignal;
  /** Save one PNG per step. */
  screenshots?: boolean;
}

/** A pair both of whose sessions ran: its trace files, control first. */
export interface FinishedPair {
  job: PairJob;
  files: [string, string];
}

export interface PairsRun {
  /** Finished pairs in the order they completed (the sequential test's order). */
  finished: FinishedPair[];
  /** The pair count at which the sequential test decided, when it did. */
  decidedAt: number | null;
  armDirs: string[];
}

/**
 * Runs every pair in both arms with one browser and at most `concurrency` sessions at a time.
 * Both sessions of a pair use the pair's seed and the same model spec; they are queued one
 * after the other in the pair's randomized arm order, pair after pair.
 */
export async function runPairs(
  plan: PairsRunPlan,
  onSession?: (arm: string, outcome: string) => void,
): Promise<PairsRun> {
  const { config } = plan;
  const armDirs: string[] = [];
  const runIds: string[] = [];
  for (const arm of plan.arms) {
    const created = await createRun({
      kind: 'simulate',
      site: plan.siteLabel,
      variant: arm.name,
      model: config.model,
      seed: config.seed,
      personas: [...new Set(plan.pairs.map((p) => p.persona.id))],
      config: { ...plan.runConfig, arm: arm.name, startUrl: arm.startUrl },
      out: path.join(plan.dir, arm.name),
    });
    armDirs.push(created.dir);
    runIds.push(created.info.run_id);
  }
  const shared: SimulatorModel | null = await openSharedModel(config);
  const browser = await launchBrowser({
    browserPath: config.browserPath,
    headless: config.headless,
    handleSignals: false,
    browserEndpoint: config.browserEndpoint,
    cdpUrl: config.cdpUrl,
  });
  const finished: FinishedPair[] = [];
  const primaryValues: { control: boolean; treatment: boolean }[] = [];
  let decidedAt: number | null = null;
  const queue = new PQueue({ concurrency: config.concurrency });
  try {
    const jobs: Promise<void>[] = [];
    for (const pair of plan.pairs) {
      const files: string[] = [];
      let started = false;
      const sessions = pair.order.map((armIndex) =>
        queue.add(async () => {
          // once decided, pairs not yet started are skipped; a started pair runs both arms
          if (plan.signal?.aborted || (decidedAt !== null && !started)) return;
          started = true;
          const arm = plan.arms[armIndex]!;
          const result = await runArmSession({
            config,
            browser,
            arm,
            recipe: plan.recipe,
            siteLabel: plan.siteLabel,
            runId: runIds[armIndex]!,
            dir: armDirs[armIndex]!,
            sessionId: pair.pairId,
            persona: pair.persona,
            seed: pair.seed,
            source: 'simulated',
            shared,
            actions: (model) => modelOnlySource(model, pair.persona, config),
            signal: plan.signal,
            screenshots: plan.screenshots,
          });
          files[armIndex] = result.file;
          onSession?.(arm.name, result.outcome);
        }),
      );
      jobs.push(
        Promise.all(sessions).then(async () => {
          if (!files[0] || !files[1]) return;
          const done: FinishedPair = { job: pair, files: [files[0], files[1]] };
          if (plan.untilDecided === null) {
            finished.push(done);
            return;
          }
          const metric = plan.untilDecided;
          const [c, t] = await Promise.all(done.files.map((f) => readTraceFile(f)));
          // pushed together after the read, so the test sees pairs in the order of `finished`
          finished.push(done);
          // a pair with an errored or interrupted session says nothing either way
          if (unfinishedReason(c!) || unfinishedReason(t!)) return;
          primaryValues.push({
            control: sessionMetrics(c!, null)[metric] === true,
            treatment: sessionMetrics(t!, null)[metric] === true,
          });
          if (decidedAt === null && sequentialDecision(primaryValues).decided) {
            decidedAt = finished.length;
          }
        }),
      );
    }
    await Promise.all(jobs);
  } finally {
    await browser.close().catch(() => undefined);
    await shared?.close().catch(() => undefined);
  }
  return { finished, decidedAt, armDirs };
}
