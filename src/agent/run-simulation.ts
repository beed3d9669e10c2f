import path from 'node:path';
import PQueue from 'p-queue';
import { iframeWarning } from '../browser/frame-content.js';
import { openSession, type SessionOptions } from '../browser/session.js';
import { launchBrowser } from '../browser/launch.js';
import { OrderGuard } from '../guard/orders.js';
import type { Config } from '../config.js';
import { priceOf } from '../cost/prices.js';
import { NO_USAGE, stepsUsage } from '../cost/usage.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { loadPromptTemplates, type PromptTemplates } from '../models/template.js';
import type { ExchangeObserver } from '../models/observed-chat.js';
import type { SimulatorModel } from '../models/model.js';
import { pwTraceFor } from '../session/pw-trace.js';
import { sessionFileName } from '../traces/run.js';
import { clearAllBut, finishedSessions } from './resume.js';
import { openRunFolder } from './run-folder.js';
import { SessionModels } from './session-models.js';
import { sessionSlots, slotSessionId, type Shard } from './shard.js';
import { recordFromTrace } from './trace-record.js';
import { TraceWriter } from '../traces/writer.js';
import { runSession } from './run-session.js';
import { sessionSeed } from './seed.js';
import { audienceWeights } from '../personas/audience.js';
import { summarizeRun, type RunSummary, type SessionRecord } from './summary.js';

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
  /** Run only this slice of the sessions (src/agent/shard.ts); null: all of them. */
  shard?: Shard | null;
  /**
   * Continue the run in `config.out`: its finished sessions are kept, the others run again.
   * Without it an `out` folder that already holds a run is refused.
   */
  resume?: boolean;
  /** Ctrl-C: running sessions stop before their next step and end their traces; queued ones never start. */
  signal?: AbortSignal;
  /** More options for each session's browser context (storageState, httpCredentials, proxy, ...). */
  contextOptions?: SessionOptions['contextOptions'];
}

export interface SimulationEvents {
  onSessionStart?: (sessionId: string) => void;
  onStep?: (sessionId: string) => void;
  onSessionEnd?: (record: SessionRecord) => void;
  /** Something about the whole run the user should know (e.g. the shop sits in an iframe). */
  onWarning?: (message: string) => void;
  /** Each prompt sent to a language model and its raw answer (--verbose). */
  onExchange?: ExchangeObserver;
}

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** What one session of a run needs besides the plan. */
export interface SessionJob {
  plan: SimulationPlan;
  run: { dir: string; id: string };
  persona: Persona;
  index: number;
  /** The run's models: shared (through --cache) or one per session. */
  models: SessionModels;
  browser: Browser;
  events: SimulationEvents;
  /** The start page is checked for content in an iframe once per run, by the first session. */
  frameCheck: { done: boolean };
  /** --prompts: the templates, read (and checked) before any browser starts. */
  templates: PromptTemplates | null;
}

/** Runs every (persona, session) pair with a bounded number of parallel browser contexts. */
export async function runSimulation(
  plan: SimulationPlan,
  events: SimulationEvents = {},
): Promise<RunSummary> {
  const { config } = plan;
  const started = Date.now();
  const weights = audienceWeights(plan.personas); // a mix of weighted and unweighted fails here
  const models = await SessionModels.open(config, events);
  const templates = config.prompts ? loadPromptTemplates(config.prompts) : null;
  const settings = {
    kind: 'simulate' as const,
    site: plan.site.label,
    variant: config.variant,
    model: config.model,
    seed: config.seed,
    personas: plan.personas.map((p) => p.id),
    config: plan.runConfig ?? { ...config },
  };
  const run = await openRunFolder(config.out, !!plan.resume, settings, plan.baseDir);
  const kept = await keptSessions(plan, run.dir);
  const price = priceOf(config.model, config.prices);
  const records: SessionRecord[] = [...kept.values()].map((t) => recordFromTrace(t, price));
  const byId = new Map(plan.personas.map((p) => [p.id, p]));
  const slots = sessionSlots([...byId.keys()], plan.sessionsPerPersona, plan.shard).filter(
    (slot) => !kept.has(slotSessionId(slot)),
  );
  // shopsim handles Ctrl-C itself (sessions end after their step); Playwright must not close
  // the browser under them
  const browser = await launchBrowser({
    browserPath: config.browserPath,
    headless: config.headless,
    handleSignals: false,
    browserEndpoint: config.browserEndpoint,
    cdpUrl: config.cdpUrl,
  });
  const frameCheck = { done: false };
  try {
    const queue = new PQueue({ concurrency: config.concurrency });
    const jobs: Promise<void>[] = [];
    for (const { personaId, index } of slots) {
      const persona = byId.get(personaId)!;
      jobs.push(
        queue.add(async () => {
          if (plan.signal?.aborted) return;
          const record = await simulateOne({
            plan,
            run,
            persona,
            index,
            models,
            browser,
            events,
            frameCheck,
            templates,
          });
          records.push(record);
          events.onSessionEnd?.(record);
        }),
      );
    }
    await Promise.all(jobs);
  } finally {
    await browser.close().catch(() => undefined);
    await models.close();
  }
  return summarizeRun(
    {
      runDir: run.dir,
      model: config.model,
      site: plan.site.label,
      variant: config.variant,
      durationMs: Date.now() - started,
    },
    records,
    weights,
    models.cacheSummary(),
  );
}

/** With `resume`: the finished sessions of this run (kept); the others' traces are set aside. */
async function keptSessions(plan: SimulationPlan, dir: string) {
  if (!plan.resume) return new Map<string, never>();
  const finished = await finishedSessions(dir);
  const ids = sessionSlots(
    plan.personas.map((p) => p.id),
    plan.sessionsPerPersona,
    plan.shard,
  );
  await clearAllBut(dir, ids.map(slotSessionId), finished);
  return finished;
}

/** One (persona, index) session of a run on the job's browser: its trace, screenshots and record. */
export async function simulateOne(job: SessionJob): Promise<SessionRecord> {
  const { plan, run, persona, index, events } = job;
  const { config } = plan;
  const sessionId = slotSessionId({ personaId: persona.id, index });
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
  let model: SimulatorModel;
  try {
    model = await job.models.forSession(seed, sessionId, plan.site.startUrl);
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
          ...(plan.contextOptions ? { contextOptions: plan.contextOptions } : {}),
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
      ...(job.templates ? { templates: job.templates } : {}),
      timeoutMs: config.timeoutMs,
      screenshotDir: plan.screenshots ? path.join(run.dir, 'screenshots', sessionId) : null,
      onStep: () => events.onStep?.(sessionId),
      signal: plan.signal,
    });
    const { usages, ...rest } = summary;
    const usage = stepsUsage(usages, priceOf(config.model, config.prices));
    return { ...record, ...rest, usage };
  } finally {
    await job.models.release(model);
  }
}
