import path from 'node:path';
import PQueue from 'p-queue';
import { iframeWarning } from '../browser/frame-content.js';
import { openSession, type SessionOptions } from '../browser/session.js';
import { launchBrowser } from '../browser/launch.js';
import { OrderGuard } from '../guard/orders.js';
import { modelOptionsOf, type Config } from '../config.js';
import { cacheSummary } from '../cost/cache-savings.js';
import { priceOf } from '../cost/prices.js';
import { NO_USAGE, stepsUsage } from '../cost/usage.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { createModel, isPerSessionModel } from '../models/spec.js';
import { AnswerCache } from '../models/answer-cache.js';
import { loadPromptTemplates, type PromptTemplates } from '../models/template.js';
import type { ExchangeObserver } from '../models/observed-chat.js';
import { cachedSimulator } from '../models/cached-chat.js';
import type { SimulatorModel } from '../models/model.js';
import { pwTraceFor } from '../session/pw-trace.js';
import { createRun, readRunInfo, sessionFileName } from '../traces/run.js';
import { RunInfo, TRACE_SCHEMA_VERSION } from '../traces/schema.js';
import { SHOPSIM_VERSION } from '../version.js';
import { UsageError } from '../errors.js';
import { clearUnfinished, existingRunError, finishedSessions, isRunFolder } from './resume.js';
import { checkResumable } from './run-settings.js';
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
  /** The model shared by every session, or null when each session gets its own. */
  shared: SimulatorModel | null;
  browser: Browser;
  events: SimulationEvents;
  /** The start page is checked for content in an iframe once per run, by the first session. */
  frameCheck: { done: boolean };
  /** --cache: the shared model answers through it. */
  cache: AnswerCache | null;
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
  const perSession = isPerSessionModel(config.model);
  // created once up front even when each session gets its own: a bad spec or script file is
  // reported before any browser starts
  const first = await createModel(config.model, {
    ...modelOptionsOf(config),
    seed: config.seed,
    onExchange: events.onExchange,
  });
  const shared: SimulatorModel | null = perSession ? null : first;
  if (perSession) await first.close();
  const templates = config.prompts ? loadPromptTemplates(config.prompts) : null;
  const cache = config.cache ? await AnswerCache.open(config.cache) : null;
  if (cache && perSession) {
    events.onWarning?.(
      `--cache stores the answers of openai and llama models; ${config.model} is not cached ` +
        '(it costs nothing and repeats its answers with the same --seed).',
    );
  }
  const settings = {
    kind: 'simulate' as const,
    site: plan.site.label,
    variant: config.variant,
    model: config.model,
    seed: config.seed,
    personas: plan.personas.map((p) => p.id),
    config: plan.runConfig ?? { ...config },
  };
  const run = await openRunFolder(plan, settings);
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
            shared,
            browser,
            events,
            frameCheck,
            cache,
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
    await shared?.close().catch(() => undefined);
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
    cache ? cacheSummary(cache.dir, cache.stats, price) : null,
  );
}

type RunSettings = Omit<RunInfo, 'schema_version' | 'run_id' | 'created_at' | 'shopsim_version'>;

/**
 * A new run folder, or with `resume` the existing one after checking that it was started with the
 * same settings (run.json is left as it was). An existing run without `resume` is refused.
 */
async function openRunFolder(
  plan: SimulationPlan,
  settings: RunSettings,
): Promise<{ dir: string; id: string }> {
  const out = plan.config.out;
  if (plan.resume) {
    if (!out || !(await isRunFolder(out))) {
      throw new UsageError(
        `--resume continues the run in an existing --out folder; ${out ?? 'no --out was given'}` +
          `${out ? ' holds no run.json' : ''}. Give --out <run folder>, or drop --resume to start a new run.`,
      );
    }
    const existing = await readRunInfo(out);
    const wanted = RunInfo.parse({
      ...settings,
      schema_version: TRACE_SCHEMA_VERSION,
      run_id: existing.run_id,
      created_at: existing.created_at,
      shopsim_version: SHOPSIM_VERSION,
    });
    checkResumable(out, existing, wanted);
    return { dir: out, id: existing.run_id };
  }
  if (out && (await isRunFolder(out))) throw existingRunError(out);
  const created = await createRun({ ...settings, out, baseDir: plan.baseDir });
  return { dir: created.dir, id: created.info.run_id };
}

/** With `resume`: the finished sessions of this run (kept); the others' traces are set aside. */
async function keptSessions(plan: SimulationPlan, dir: string) {
  if (!plan.resume) return new Map<string, never>();
  const finished = await finishedSessions(dir);
  const ids = plan.personas.map((p) => p.id);
  for (const slot of sessionSlots(ids, plan.sessionsPerPersona, plan.shard)) {
    const id = slotSessionId(slot);
    if (!finished.has(id)) await clearUnfinished(dir, sessionFileName(id), id);
  }
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
  let model =
    job.shared && job.cache ? cachedModel(job.shared, job.cache, plan, sessionId) : job.shared;
  try {
    model ??= await createModel(config.model, {
      ...modelOptionsOf(config),
      seed,
      onExchange: job.events.onExchange,
    });
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
