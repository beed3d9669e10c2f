import type { SimulatorModel } from '../models/model.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { runSessionLoop, type SessionLoopOptions, type SessionSummary } from '../session/loop.js';
import type { PwTraceOptions } from '../session/pw-trace.js';
import type { OpenShopperSession } from '../session/shopper-session.js';
import type { TraceWriter } from '../traces/writer.js';
import { modelSource } from './model-source.js';

import type { PromptTemplates } from '../models/template.js';
export { INTERRUPTED, type SessionSummary } from '../session/loop.js';

/** Where a simulated shopper shops and how it is bounded. */
export interface SessionLimits {
  maxSteps: number;
  maxAttempts: number;
  historyPages: number;
  timeoutMs: number;
  /** Prompt templates (`--prompts`); default: the bundled ones. */
  templates?: PromptTemplates;
}

export interface RunSessionOptions extends SessionLimits {
  openSession: OpenShopperSession;
  startUrl: string;
  recipe: Recipe | null;
  persona: Persona | null;
  model: SimulatorModel;
  writer: TraceWriter;
  /** Save one PNG per step into this folder. */
  screenshotDir?: string | null;
  /** Called after every recorded step (progress display). */
  onStep?: (index: number) => void;
  /** When aborted (Ctrl-C), the session stops before its next step and ends its trace. */
  signal?: AbortSignal;
  /** The Playwright trace `openSession` records, kept or deleted by its mode. */
  pwTrace?: PwTraceOptions | null;
  /** Live-site guard for orders (see SessionLoopOptions). */
  orderGuard?: SessionLoopOptions['orderGuard'];
  /** Least milliseconds between two consecutive actions. */
  minStepIntervalMs?: number;
}

/** One simulated shopper: the session loop with a model as its source of actions. */
export function runSession(options: RunSessionOptions): Promise<SessionSummary> {
  return runSessionLoop({
    open: () => options.openSession(options.startUrl, options.recipe, options.timeoutMs),
    source: modelSource(options),
    writer: options.writer,
    maxSteps: options.maxSteps,
    screenshotDir: options.screenshotDir,
    signal: options.signal,
    onStep: options.onStep,
    pwTrace: options.pwTrace,
    orderGuard: options.orderGuard,
    minStepIntervalMs: options.minStepIntervalMs,
  });
}
