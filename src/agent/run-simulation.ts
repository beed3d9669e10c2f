import path from 'node:path';
import PQueue from 'p-queue';
import { iframeWarning } from '../browser/frame-content.js';
import { openSession } from '../browser/session.js';
import { launchBrowser } from '../browser/launch.js';
import { OrderGuard } from '../guard/orders.js';
import { modelOptionsOf, type Config } from '../config.js';
import { cacheSummary } from '../cost/cache-savings.js';
import { priceOf } from '../cost/prices.js';
import { NO_USAGE, stepsUsage, sumUsage } from '../cost/usage.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { createModel, isPerSessionModel } from '../models/spec.js';
import { AnswerCache } from '../models/answer-cache.js';
import { cachedSimulator } from '../models/cached-chat.js';
import type { SimulatorModel } from '../models/model.js';
import { pwTraceFor } from '../session/pw-trace.js';
import { createRun, sessionFileName } from '../traces/run.js';
import { TraceWriter } from '../traces/writer.js';
import { runSession } from './run-session.js';
import { sessionSeed } from './seed.js';
import { audienceWeights } from '../personas/audience.js';
import {
  audienceRates,
  summarizePersonas,
  type RunSummary,
  type SessionRecord,
} from './summary.js';

/** Where the sessions shop: the start URL, its label and the recipe pinning names. */
export interface SimulationSite {
  startUrl: string;
  /** Label for run.json and traces: the URL or "builtin". */
  label: string;
  recipe: Recipe | null;
}

export interface SimulationPlan {
  /** The resolved settings (model, concurrency, limits, seed, out, browser, ...), passed whole. */
  config: Config;
  site: SimulationSite;
  personas: Persona[];
  sessionsPerPersona: number;
  /** Save one PNG per step. */
  screenshots: boolean;
  /** What run.json records as the run's configuration (defaults to `config`). */
  runConfig?: Record<string, unknown>;
  baseDir?: string;
  /** Ctrl-C: running sessions stop before their next step and end their traces; queued ones never start. */
  signal?: AbortSignal;
}

export interface SimulationEvents {
  onSessionStart?: (sessionId: string) => void;
  onStep?: (sessionId: string) => void;
  onSessionEnd?: (record: SessionRecord) => void;
  /** Something about the whole run the user should know (e.g. the shop sits in an iframe). */
  onWarning?: (message: string) => void;
}

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** What one session of a run needs besides the plan. */
interface SessionJob {
  plan: SimulationPlan;
  run: { dir: string; id: string };
  persona: Persona;
  index: number;
  /** The model shared by every session, or null when each session gets its own. */
  shared: SimulatorModel | null;
  browser: Browser;
  events: SimulationEvents;
  /** The start page is checked for content in an iframe once per run, by the first session. */
  frameCheck: { done: boolean };
  /** --cache: the shared model answers through it. */
  cache: AnswerCache | null;
}

/** Runs every (persona, session) pair with a bounded number of parallel browser contexts. */
export async function runSimulation(
  plan: SimulationPlan,
  events: SimulationEvents = {},
): Promise<RunSummary> {
  const { config } = plan;
  const started = Date.now();
  const weights = audienceWeights(plan.personas); // a mix of weighted and unweighted fails here
  const perSession = isPerSessionModel(config.model);
  // created once up front even when each session gets its own: a bad spec or script file is
  // reported before any browser starts
  const first = await createModel(config.model, { ...modelOptionsOf(config), seed: config.seed });
  const shared: SimulatorModel | null = perSession ? null : first;
  if (perSession) await first.close();
  const cache = config.cache ? await AnswerCache.open(config.cache) : null;
  if (cache && perSession) {
    events.onWarning?.(
      `--cache stores the answers of openai and llama models; ${config.model} is not cached ` +
        '(it costs nothing and repeats its answers with the same --seed).',
    );
  }
  const created = await createRun({
    kind: 'simulate',
    site: plan.site.label,
    variant: config.variant,
    model: config.model,
    seed: config.seed,
    personas: plan.personas.map((p) => p.id),
    config: plan.runConfig ?? { ...config },
    out: config.out,
    baseDir: plan.baseDir,
  });
  const run = { dir: created.dir, id: created.info.run_id };
  // shopsim handles Ctrl-C itself (sessions end after their step); Playwright must not close
  // the browser under them
  const browser = await launchBrowser({
    browserPath: config.browserPath,
    headless: config.headless,
    handleSignals: false,
    browserEndpoint: config.browserEndpoint,
    cdpUrl: config.cdpUrl,
  });
  const records: SessionRecord[] = [];
  const frameCheck = { done: false };
  try {
    const queue = new PQueue({ concurrency: config.concurrency });
    const jobs: Promise<void>[] = [];
    for (const persona of plan.personas) {
      for (let index = 0; index < plan.sessionsPerPersona; index++) {
        jobs.push(
          queue.add(async () => {
            if (plan.signal?.aborted) return;
            const record = await simulateOne({
              plan,
              run,
              persona,
              index,
              shared,
              browser,
              events,
              frameCheck,
              cache,
            });
            records.push(record);
            events.onSessionEnd?.(record);
          }),
        );
      }
    }
    await Promise.all(jobs);
  } finally {
    await browser.close().catch(() => undefined);
    await shared?.close().catch(() => undefined);
  }
  records.sort((a, b) => a.sessionId.localeCompare(b.sessionId));
  const durationMs = Date.now() - started;
  const personas = summarizePersonas(records);
  return {
    runDir: run.dir,
    model: config.model,
    site: plan.site.label,
    variant: config.variant,
    sessions: records.length,
    purchases: records.filter((r) => r.outcome === 'purchase').length,
    notPlaced: records.filter((r) => r.outcome === 'purchase' && r.notPlaced).length,
    confirmedOrders: null,
    errors: records.filter((r) => r.outcome === 'error').length,
    interrupted: records.filter((r) => r.outcome === 'interrupted').length,
    steps: records.reduce((s, r) => s + r.steps, 0),
    durationMs,
    sessionsPerMinute: records.length / (durationMs / 60_000),
    usage: sumUsage(records.map((r) => r.usage)),
    personas,
    audience: weights ? audienceRates(personas, weights) : null,
    cache: cache
      ? cacheSummary(cache.dir, cache.stats, priceOf(config.model, config.prices))
      : null,
    records,
  };
}

async function simulateOne(job: SessionJob): Promise<SessionRecord> {
  const { plan, run, persona, index, events } = job;
  const { config } = plan;
  const sessionId = `${persona.id}-${index + 1}`;
  const seed = sessionSeed(config.seed, persona.id, index);
  const file = path.join(run.dir, sessionFileName(sessionId));
  events.onSessionStart?.(sessionId);
  const writer = await TraceWriter.create(file, {
    session_id: sessionId,
    run_id: run.id,
    source: 'simulated',
    persona,
    site: plan.site.label,
    variant: config.variant,
    model: config.model,
    seed,
    started_at: new Date().toISOString(),
  });
  const record = { sessionId, personaId: persona.id, file, orderConfirmed: null };
  let model =
    job.shared && job.cache ? cachedModel(job.shared, job.cache, plan, sessionId) : job.shared;
  try {
    model ??= await createModel(config.model, { ...modelOptionsOf(config), seed });
  } catch (error) {
    const end = await writer.finish({
      outcome: 'error',
      error: (error as Error).message,
      durationMs: 0,
    });
    return {
      ...record,
      outcome: 'error',
      steps: 0,
      durationMs: 0,
      error: end.error,
      orderId: null,
      usage: NO_USAGE,
      notPlaced: null,
    };
  }
  const pwTrace = pwTraceFor(config.pwTrace, file);
  try {
    const summary = await runSession({
      openSession: async (startUrl, recipe, timeoutMs) => {
        const session = await openSession(job.browser, {
          startUrl,
          recipe,
          timeoutMs,
          pwTraceFile: pwTrace?.file,
          guard: { allowOrigins: config.allowOrigins },
        });
        if (!job.frameCheck.done) {
          job.frameCheck.done = true;
          const warning = await iframeWarning(session.page);
          if (warning) events.onWarning?.(warning);
        }
        return session;
      },
      pwTrace,
      orderGuard: new OrderGuard(config.allowOrdersOn),
      minStepIntervalMs: config.minStepIntervalMs,
      startUrl: plan.site.startUrl,
      recipe: plan.site.recipe,
      persona,
      model,
      writer,
      maxSteps: config.maxSteps,
      maxAttempts: config.maxAttempts,
      historyPages: config.historyPages,
      timeoutMs: config.timeoutMs,
      screenshotDir: plan.screenshots ? path.join(run.dir, 'screenshots', sessionId) : null,
      onStep: () => events.onStep?.(sessionId),
      signal: plan.signal,
    });
    const { usages, ...rest } = summary;
    const usage = stepsUsage(usages, priceOf(config.model, config.prices));
    return { ...record, ...rest, usage };
  } finally {
    if (!job.shared) await model.close().catch(() => undefined);
  }
}

/**
 * The shared model answering through --cache for one session. The shop's origin is keyed as
 * "<site>": the bundled shop gets a new port every run, and the answers do not depend on it.
 */
function cachedModel(
  shared: SimulatorModel,
  cache: AnswerCache,
  plan: SimulationPlan,
  session: string,
): SimulatorModel {
  const origin = new URL(plan.site.startUrl).origin;
  const cached = cachedSimulator(shared, cache, {
    seed: plan.config.seed,
    session,
    normalize: origin === 'null' ? undefined : (text) => text.split(origin).join('<site>'),
  });
  return cached ?? shared;
}
