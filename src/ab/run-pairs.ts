import path from 'node:path';
import PQueue from 'p-queue';
import { modelOnlySource } from './model-actions.js';
import { launchBrowser } from '../browser/launch.js';
import type { Config } from '../config.js';
import { isRunFolder } from '../agent/resume.js';
import { SessionModels, type ModelEvents } from '../agent/session-models.js';
import type { CacheSummary } from '../cost/cache-savings.js';
import type { Recipe } from '../observe/recipe.js';
import { sequentialDecision } from './stats/index.js';
import { readTraceFile } from '../traces/reader.js';
import { createRun, readRunInfo } from '../traces/run.js';
import type { Arm } from './arms.js';
import { runArmSession } from './arm-session.js';
import { sessionMetrics } from './metrics.js';
import { unfinishedReason } from './unfinished.js';
import type { PairJob } from './pairs.js';
import { keptPairs, type FinishedPair } from './kept-pairs.js';

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
  /** Keep the pairs that finished in both arm folders of `dir`; run the others (kept-pairs.ts). */
  resume?: boolean;
  /** --verbose exchanges and warnings about the model. */
  events?: ModelEvents;
}

export interface PairsRun {
  /**
   * Finished pairs, in plan order; with --until-decided in the order the sequential test took
   * them: pairs kept by --resume (plan order), then the others as they completed.
   */
  finished: FinishedPair[];
  /** The pair count at which the sequential test decided, when it did. */
  decidedAt: number | null;
  armDirs: string[];
  /** What --cache did for the run; null without one. */
  cache: CacheSummary | null;
}

/**
 * Runs every pair in both arms with one browser and at most `concurrency` sessions at a time.
 * Both sessions of a pair use the pair's seed and the same model spec; they are queued one
 * after the other in the pair's randomized arm order, pair after pair. With `resume`, pairs that
 * finished in an earlier run of `dir` are kept and count first.
 */
export async function runPairs(
  plan: PairsRunPlan,
  onSession?: (arm: string, outcome: string) => void,
): Promise<PairsRun> {
  const { config } = plan;
  const armDirs: string[] = [];
  const runIds: string[] = [];
  for (const arm of plan.arms) {
    const out = path.join(plan.dir, arm.name);
    // a resumed run keeps its arm folders' run.json as they were
    const created =
      plan.resume && (await isRunFolder(out))
        ? { dir: out, info: await readRunInfo(out) }
        : await createRun({
            kind: 'simulate',
            site: plan.siteLabel,
            variant: arm.name,
            model: config.model,
            seed: config.seed,
            personas: [...new Set(plan.pairs.map((p) => p.persona.id))],
            config: { ...plan.runConfig, arm: arm.name, startUrl: arm.startUrl },
            out,
          });
    armDirs.push(created.dir);
    runIds.push(created.info.run_id);
  }
  const kept = plan.resume ? await keptPairs(plan.pairs, [armDirs[0]!, armDirs[1]!]) : [];
  const keptIds = new Set(kept.map((p) => p.job.pairId));
  const models = await SessionModels.open(config, plan.events);
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
  const onFinished = async (done: FinishedPair) => {
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
  };
  try {
    for (const done of kept) await onFinished(done);
    const jobs: Promise<void>[] = [];
    for (const pair of plan.pairs.filter((p) => !keptIds.has(p.pairId))) {
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
            models,
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
          if (files[0] && files[1]) await onFinished({ job: pair, files: [files[0], files[1]] });
        }),
      );
    }
    await Promise.all(jobs);
  } finally {
    await browser.close().catch(() => undefined);
    await models.close();
  }
  if (plan.untilDecided === null) {
    const position = new Map(plan.pairs.map((p, i) => [p.pairId, i]));
    finished.sort((a, b) => position.get(a.job.pairId)! - position.get(b.job.pairId)!);
  }
  return { finished, decidedAt, armDirs, cache: models.cacheSummary() };
}
