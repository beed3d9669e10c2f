import path from 'node:path';
import PQueue from 'p-queue';
import { launchBrowser } from '../browser/launch.js';
import type { Config } from '../config.js';
import type { Recipe } from '../observe/recipe.js';
import { hashSeed } from '../prng.js';
import { rebaseUrl } from '../replay/compare.js';
import { PrefixSource } from '../session/prefix-source.js';
import { createRun, type RunFolder } from '../traces/run.js';
import type { Outcome, Trace } from '../traces/schema.js';
import type { Arm } from './arms.js';
import { runArmSession } from './arm-session.js';
import { modelOnlySource } from './model-actions.js';
import { SessionModels, type ModelEvents } from '../agent/session-models.js';

/** How many recorded steps to replay: a number, or "auto" (half the session, at least 1). */
export type PrefixChoice = number | 'auto';

export function prefixLength(trace: Trace, choice: PrefixChoice): number {
  const n = trace.steps.length;
  return choice === 'auto' ? Math.max(1, Math.floor(n / 2)) : Math.min(choice, n);
}

/** One human session continued on one arm. */
export interface ContinuedSession {
  arm: string;
  /** Recorded steps actually replayed before the model took over. */
  replayed: number;
  outcome: Outcome;
  steps: number;
  file: string;
}

export interface ContinuationRow {
  sessionId: string;
  humanFile: string;
  prefix: number;
  humanOutcome: Outcome | null;
  humanSteps: number;
  arms: ContinuedSession[];
}

export interface ContinuationPlan {
  config: Config;
  arms: Arm[];
  recipe: Recipe | null;
  siteLabel: string;
  humans: Trace[];
  prefix: PrefixChoice;
  dir: string;
  signal?: AbortSignal;
  /** --verbose exchanges and warnings about the model. */
  events?: ModelEvents;
}

/**
 * Replays each human session's first K steps on each arm (a step is replayed only while the arm's
 * page has its target), then lets the model continue, one trace per (session, arm) under
 * <dir>/<arm>/. Each session's model seed comes from the run seed and the session id, the same
 * on every arm.
 */
export async function continueHumans(plan: ContinuationPlan): Promise<ContinuationRow[]> {
  const { config } = plan;
  const runs: RunFolder[] = [];
  for (const arm of plan.arms) {
    runs.push(
      await createRun({
        kind: 'simulate',
        site: plan.siteLabel,
        variant: arm.name,
        model: config.model,
        seed: config.seed,
        personas: [],
        config: { arm: arm.name, fromHuman: true, prefix: plan.prefix },
        out: path.join(plan.dir, arm.name),
      }),
    );
  }
  const models = await SessionModels.open(config, plan.events);
  const browser = await launchBrowser({
    browserPath: config.browserPath,
    headless: config.headless,
    handleSignals: false,
    browserEndpoint: config.browserEndpoint,
    cdpUrl: config.cdpUrl,
  });
  const rows: ContinuationRow[] = plan.humans.map((h) => ({
    sessionId: h.header.session_id,
    humanFile: h.file,
    prefix: prefixLength(h, plan.prefix),
    humanOutcome: h.end?.outcome ?? null,
    humanSteps: h.steps.length,
    arms: [],
  }));
  const queue = new PQueue({ concurrency: config.concurrency });
  try {
    const jobs = plan.humans.flatMap((human, h) =>
      plan.arms.map((arm, a) =>
        queue.add(async () => {
          if (plan.signal?.aborted) return;
          let source: PrefixSource | null = null;
          const result = await runArmSession({
            config,
            browser,
            arm,
            startUrl: startUrlOn(arm, human),
            recipe: plan.recipe,
            siteLabel: plan.siteLabel,
            runId: runs[a]!.info.run_id,
            dir: runs[a]!.dir,
            sessionId: human.header.session_id,
            persona: human.header.persona,
            seed: hashSeed(config.seed, 'from-human', human.header.session_id),
            source: 'simulated',
            models,
            actions: (model) =>
              (source = new PrefixSource(
                human.steps,
                rows[h]!.prefix,
                modelOnlySource(model, human.header.persona, config),
              )),
            signal: plan.signal,
          });
          rows[h]!.arms[a] = {
            arm: arm.name,
            replayed: (source as PrefixSource | null)?.replayed ?? 0,
            outcome: result.outcome,
            steps: result.steps,
            file: result.file,
          };
        }),
      ),
    );
    await Promise.all(jobs);
  } finally {
    await browser.close().catch(() => undefined);
    await models.close();
  }
  return rows;
}

/** The human session's first page on the arm's site, carrying the arm's query variant. */
function startUrlOn(arm: Arm, human: Trace): string {
  const first = human.steps[0]?.url;
  if (!first) return arm.startUrl;
  const start = new URL(rebaseUrl(first, arm.startUrl));
  for (const [key, value] of new URL(arm.startUrl).searchParams) start.searchParams.set(key, value);
  return start.href;
}
