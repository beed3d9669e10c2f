import path from 'node:path';
import type { launchBrowser } from '../browser/launch.js';
import { openSession } from '../browser/session.js';
import type { SessionModels } from '../agent/session-models.js';
import type { Config } from '../config.js';
import { OrderGuard } from '../guard/orders.js';
import type { SimulatorModel } from '../models/model.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import type { ActionSource } from '../session/action-source.js';
import { runSessionLoop, type SessionSummary } from '../session/loop.js';
import { pwTraceFor } from '../session/pw-trace.js';
import { sessionFileName } from '../traces/run.js';
import type { TraceSource } from '../traces/schema.js';
import { TraceWriter } from '../traces/writer.js';
import type { Arm } from './arms.js';

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** One session of one arm: where it runs, who shops, with which seed and source of actions. */
export interface ArmSessionJob {
  config: Config;
  browser: Browser;
  arm: Arm;
  /** Overrides the arm's start URL (a human session's first page). */
  startUrl?: string;
  recipe: Recipe | null;
  siteLabel: string;
  runId: string;
  /** The arm's folder. */
  dir: string;
  sessionId: string;
  persona: Persona | null;
  seed: number;
  source: TraceSource;
  /** The run's models: the shared one (through --cache), or a new one seeded with `seed`. */
  models: SessionModels;
  /** The session's source of actions, given its model. */
  actions: (model: SimulatorModel) => ActionSource;
  signal?: AbortSignal;
  /** Save one PNG per step (with the target's box) into <dir>/screenshots/<session>/. */
  screenshots?: boolean;
}

/** Runs one session through the session loop and returns its trace file and summary. */
export async function runArmSession(
  job: ArmSessionJob,
): Promise<SessionSummary & { file: string }> {
  const { config, arm } = job;
  const file = path.join(job.dir, sessionFileName(job.sessionId));
  const writer = await TraceWriter.create(file, {
    session_id: job.sessionId,
    run_id: job.runId,
    source: job.source,
    persona: job.persona,
    site: job.siteLabel,
    variant: arm.name,
    model: config.model,
    seed: job.seed,
    started_at: new Date().toISOString(),
  });
  const startUrl = job.startUrl ?? arm.startUrl;
  let model: SimulatorModel;
  try {
    // cached answers are keyed per arm too: the arms' sessions of a pair keep their own answers
    model = await job.models.forSession(job.seed, `${arm.name}/${job.sessionId}`, startUrl);
  } catch (error) {
    const end = await writer.finish({ outcome: 'error', error: (error as Error).message });
    return {
      outcome: 'error',
      steps: 0,
      durationMs: 0,
      error: end.error,
      orderId: null,
      usages: [],
      notPlaced: null,
      file,
    };
  }
  const pwTrace = pwTraceFor(config.pwTrace, file);
  try {
    const summary = await runSessionLoop({
      open: () =>
        openSession(job.browser, {
          startUrl,
          recipe: job.recipe,
          timeoutMs: config.timeoutMs,
          extraHTTPHeaders: Object.keys(arm.headers).length ? arm.headers : undefined,
          cookies: arm.cookies,
          pwTraceFile: pwTrace?.file,
          guard: { allowOrigins: config.allowOrigins },
        }),
      pwTrace,
      orderGuard: new OrderGuard(config.allowOrdersOn),
      minStepIntervalMs: config.minStepIntervalMs,
      source: job.actions(model),
      writer,
      screenshotDir: job.screenshots ? path.join(job.dir, 'screenshots', job.sessionId) : null,
      maxSteps: config.maxSteps,
      signal: job.signal,
    });
    return { ...summary, file };
  } finally {
    await job.models.release(model);
  }
}
