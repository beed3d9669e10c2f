import path from 'node:path';
import PQueue from 'p-queue';
import { openSession } from '../browser/session.js';
import { launchBrowser } from '../browser/launch.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { createModel, parseModelSpec, type CreateModelOptions } from '../models/spec.js';
import type { SimulatorModel } from '../models/model.js';
import { createRun, sessionFileName } from '../traces/run.js';
import { TraceWriter } from '../traces/writer.js';
import { runSession } from './run-session.js';
import { sessionSeed } from './seed.js';
import { summarizePersonas, type RunSummary, type SessionRecord } from './summary.js';

export interface SimulationPlan {
  /** The shop's start URL (the builtin shop is started by the caller). */
  startUrl: string;
  /** Label for run.json and traces: the URL or "builtin". */
  siteLabel: string;
  variant: 'a' | 'b' | null;
  personas: Persona[];
  sessionsPerPersona: number;
  model: string;
  modelOptions: CreateModelOptions;
  concurrency: number;
  maxSteps: number;
  maxAttempts: number;
  historyPages: number;
  timeoutMs: number;
  seed: number;
  out: string | null;
  baseDir?: string;
  recipe: Recipe | null;
  screenshots: boolean;
  browserPath: string | null;
  headless: boolean;
  /** Effective config, written to run.json. */
  config: Record<string, unknown>;
  /** Ctrl-C: running sessions stop before their next step and end their traces; queued ones never start. */
  signal?: AbortSignal;
}

export interface SimulationEvents {
  onSessionStart?: (sessionId: string) => void;
  onStep?: (sessionId: string) => void;
  onSessionEnd?: (record: SessionRecord) => void;
}

/** Stateless backends get one instance per session (seeded per session); heavy ones are shared. */
function perSessionModel(spec: string): boolean {
  const kind = parseModelSpec(spec).kind;
  return kind === 'heuristic' || kind === 'random' || kind === 'scripted';
}

/** Runs every (persona, session) pair with a bounded number of parallel browser contexts. */
export async function runSimulation(
  plan: SimulationPlan,
  events: SimulationEvents = {},
): Promise<RunSummary> {
  const started = Date.now();
  const shared: SimulatorModel | null = perSessionModel(plan.model)
    ? null
    : await createModel(plan.model, { ...plan.modelOptions, seed: plan.seed });
  const run = await createRun({
    kind: 'simulate',
    site: plan.siteLabel,
    variant: plan.variant,
    model: plan.model,
    seed: plan.seed,
    personas: plan.personas.map((p) => p.id),
    config: plan.config,
    out: plan.out,
    baseDir: plan.baseDir,
  });
  const browser = await launchBrowser({ browserPath: plan.browserPath, headless: plan.headless });
  const records: SessionRecord[] = [];
  try {
    const queue = new PQueue({ concurrency: plan.concurrency });
    const jobs: Promise<void>[] = [];
    for (const persona of plan.personas) {
      for (let i = 0; i < plan.sessionsPerPersona; i++) {
        jobs.push(
          queue.add(async () => {
            if (plan.signal?.aborted) return;
            const record = await simulateOne(
              plan,
              run.dir,
              run.info.run_id,
              persona,
              i,
              shared,
              browser,
              events,
            );
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
  return {
    runDir: run.dir,
    model: plan.model,
    site: plan.siteLabel,
    variant: plan.variant,
    sessions: records.length,
    purchases: records.filter((r) => r.outcome === 'purchase').length,
    confirmedOrders: null,
    errors: records.filter((r) => r.outcome === 'error').length,
    steps: records.reduce((s, r) => s + r.steps, 0),
    durationMs,
    sessionsPerMinute: records.length / (durationMs / 60_000),
    personas: summarizePersonas(records),
    records,
  };
}

async function simulateOne(
  plan: SimulationPlan,
  runDir: string,
  runId: string,
  persona: Persona,
  index: number,
  shared: SimulatorModel | null,
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  events: SimulationEvents,
): Promise<SessionRecord> {
  const sessionId = `${persona.id}-${index + 1}`;
  const seed = sessionSeed(plan.seed, persona.id, index);
  const file = path.join(runDir, sessionFileName(sessionId));
  events.onSessionStart?.(sessionId);
  const writer = await TraceWriter.create(file, {
    session_id: sessionId,
    run_id: runId,
    source: 'simulated',
    persona,
    site: plan.siteLabel,
    variant: plan.variant,
    model: plan.model,
    seed,
    started_at: new Date().toISOString(),
  });
  let model = shared;
  try {
    model ??= await createModel(plan.model, { ...plan.modelOptions, seed });
  } catch (error) {
    await writer.end({
      kind: 'end',
      outcome: 'error',
      steps: 0,
      duration_ms: 0,
      error: (error as Error).message,
      dropped_events: 0,
      order_id: null,
    });
    return {
      sessionId,
      personaId: persona.id,
      file,
      outcome: 'error',
      steps: 0,
      durationMs: 0,
      error: (error as Error).message,
      orderId: null,
      orderConfirmed: null,
    };
  }
  try {
    const summary = await runSession({
      openSession: (startUrl, recipe, timeoutMs) =>
        openSession(browser, { startUrl, recipe, timeoutMs }),
      startUrl: plan.startUrl,
      recipe: plan.recipe,
      persona,
      model,
      writer,
      maxSteps: plan.maxSteps,
      maxAttempts: plan.maxAttempts,
      historyPages: plan.historyPages,
      timeoutMs: plan.timeoutMs,
      screenshotDir: plan.screenshots ? path.join(runDir, 'screenshots', sessionId) : null,
      onStep: () => events.onStep?.(sessionId),
      signal: plan.signal,
    });
    return { sessionId, personaId: persona.id, file, ...summary, orderConfirmed: null };
  } finally {
    if (!shared) await model.close().catch(() => undefined);
  }
}
