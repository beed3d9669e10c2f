import { ActionError, ModelBackendError, ModelOutputError } from '../errors.js';
import type { Observation } from '../observe/observation.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { decide } from '../models/decide.js';
import type { HistoryStep, SimulatorModel } from '../models/model.js';
import type { Outcome, TraceEnd } from '../traces/schema.js';
import type { TraceWriter } from '../traces/writer.js';
import { isOrderConfirmation, orderIdFromUrl } from './purchase.js';
import { redactObservation } from '../traces/redact.js';
import type { OpenShopperSession, ShopperSession } from './shopper-session.js';

export interface RunSessionOptions {
  openSession: OpenShopperSession;
  startUrl: string;
  recipe: Recipe | null;
  persona: Persona | null;
  model: SimulatorModel;
  writer: TraceWriter;
  maxSteps: number;
  maxAttempts: number;
  historyPages: number;
  timeoutMs: number;
  /** Save one PNG per step into this folder. */
  screenshotDir?: string | null;
  /** Called after every recorded step (progress display). */
  onStep?: (index: number) => void;
  /** When aborted (Ctrl-C), the session stops before its next step and ends its trace. */
  signal?: AbortSignal;
}

/** The end-line error of a session stopped by the user. */
export const INTERRUPTED =
  'interrupted by the user (Ctrl-C); the steps before it are kept in this trace.';

export interface SessionSummary {
  outcome: Outcome;
  steps: number;
  durationMs: number;
  error: string | null;
  orderId: string | null;
}

/**
 * One simulated shopper: open the start URL, then observe -> predict -> validate -> execute ->
 * record, until terminate, a purchase, maxSteps, or an unrecoverable error. Every step is
 * appended to the trace as it happens. Browser failures of an action become part of the next
 * step's history; a session never throws for its own failures, it ends with outcome "error".
 */
export async function runSession(options: RunSessionOptions): Promise<SessionSummary> {
  const started = Date.now();
  const history: HistoryStep[] = [];
  let session: ShopperSession | null = null;
  let outcome: Outcome = 'max_steps';
  let error: string | null = null;
  let orderId: string | null = null;
  let index = 0;
  try {
    session = await options.openSession(options.startUrl, options.recipe, options.timeoutMs);
    let observation: Observation = await session.observe();
    while (index < options.maxSteps) {
      if (options.signal?.aborted) {
        outcome = 'error';
        error = INTERRUPTED;
        break;
      }
      if (isOrderConfirmation(observation)) {
        outcome = 'purchase';
        orderId = orderIdFromUrl(observation.url);
        break;
      }
      const decision = await decide(
        options.model,
        {
          persona: options.persona,
          history,
          observation,
          feedback: [],
          historyPages: options.historyPages,
        },
        { maxAttempts: options.maxAttempts },
      );
      const screenshot = options.screenshotDir
        ? await session.screenshot(
            `${options.screenshotDir}/step-${String(index).padStart(3, '0')}.png`,
          )
        : null;
      let stepError: string | null = null;
      let urlAfter: string | null = null;
      try {
        urlAfter = (await session.execute(decision.action)).urlAfter;
      } catch (failure) {
        if (!(failure instanceof ActionError)) throw failure;
        stepError = failure.message;
      }
      await options.writer.appendStep({
        kind: 'step',
        index,
        time: new Date().toISOString(),
        url: observation.url,
        observation: redactObservation(observation),
        rationale: decision.rationale,
        rationale_source: 'model',
        action: decision.action,
        click_type: null,
        result: { ok: stepError === null, error: stepError, url_after: urlAfter },
        usage: decision.usage,
        raw: decision.raw,
        screenshot,
      });
      options.onStep?.(index);
      history.push({
        observation,
        rationale: decision.rationale,
        action: decision.action,
        error: stepError,
      });
      index++;
      if (decision.action.type === 'terminate' && stepError === null) {
        outcome = 'terminate';
        break;
      }
      observation = await session.observe();
      if (index >= options.maxSteps && isOrderConfirmation(observation)) {
        outcome = 'purchase';
        orderId = orderIdFromUrl(observation.url);
      }
    }
  } catch (failure) {
    outcome = 'error';
    error = describeFailure(failure);
  } finally {
    await session?.close().catch(() => undefined);
  }
  const end: TraceEnd = {
    kind: 'end',
    outcome,
    steps: index,
    duration_ms: Date.now() - started,
    error,
    dropped_events: 0,
    order_id: orderId,
  };
  await options.writer.end(end);
  return { outcome, steps: index, durationMs: end.duration_ms, error, orderId };
}

function describeFailure(failure: unknown): string {
  if (failure instanceof ModelOutputError)
    return `${failure.message} Last answer: ${failure.raw.slice(0, 300)}`;
  if (failure instanceof ModelBackendError || failure instanceof Error) return failure.message;
  return String(failure);
}
