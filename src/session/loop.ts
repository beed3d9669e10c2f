import { ActionError, ModelBackendError, ModelOutputError } from '../errors.js';
import type { Action } from '../action.js';
import type { HistoryStep } from '../models/model.js';
import type { Observation } from '../observe/observation.js';
import type { ModelUsage, Outcome } from '../traces/schema.js';
import type { TraceWriter } from '../traces/writer.js';
import type { ActionSource } from './action-source.js';
import { isOrderConfirmation, orderIdFromUrl } from './purchase.js';
import { settlePwTrace, stepGroupLabel, type PwTraceOptions } from './pw-trace.js';
import type { ShopperSession } from './shopper-session.js';

export interface SessionLoopOptions {
  /** Opens the browser session on the start page. */
  open: () => Promise<ShopperSession>;
  source: ActionSource;
  writer: TraceWriter;
  maxSteps: number;
  /** Save one PNG per step into this folder. */
  screenshotDir?: string | null;
  /** When aborted (Ctrl-C), the session stops before its next step and ends its trace. */
  signal?: AbortSignal;
  /** Called after every written step (progress display). */
  onStep?: (index: number) => void;
  /**
   * The session's Playwright trace (recorded by the session `open` returns): each step is a group
   * in it, and `retain-on-failure` deletes it after a session that did not fail.
   */
  pwTrace?: PwTraceOptions | null;
  /**
   * Live-site guard for orders (src/guard/orders.ts): a click it names a reason for is not
   * performed; the step is written with that reason as its error and the session ends as a
   * purchase marked not placed.
   */
  orderGuard?: { stopReason(observation: Observation, action: Action): string | null } | null;
  /** Least milliseconds between two consecutive actions (and between the start page and the first). */
  minStepIntervalMs?: number;
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
  /** Each model-made step's usage, in order (for tokens, latency and cost). */
  usages: ModelUsage[];
  /** Live-site guard: the session stopped at the order button; why. Null otherwise. */
  notPlaced: string | null;
}

/**
 * The one session loop, whatever the actions come from: open the start page, then
 * observe -> ask the source -> execute -> record, until the source stops, a terminate runs, the
 * tab closes, `maxSteps`, Ctrl-C, or an unrecoverable error. Every step goes through the trace
 * writer (which redacts it) as it happens, and the writer writes the end line. A browser's
 * refusal of an action (ActionError) becomes the step's error and part of the history; a session
 * never throws for its own failures, it ends with outcome "error".
 */
export async function runSessionLoop(options: SessionLoopOptions): Promise<SessionSummary> {
  const { source, writer } = options;
  const history: HistoryStep[] = [];
  let session: ShopperSession | null = null;
  let outcome: Outcome | null = null;
  let error: string | null = null;
  let orderId: string | null = null;
  let purchased = false;
  let failedSteps = 0;
  const usages: ModelUsage[] = [];
  let notPlaced: string | null = null;
  /** When the last step was written (or the start page opened): the pacing reference. */
  let lastStepAt = 0;
  const see = (observation: Observation) => {
    if (!isOrderConfirmation(observation)) return false;
    purchased = true;
    orderId = orderIdFromUrl(observation.url) ?? orderId;
    return true;
  };
  try {
    session = await options.open();
    lastStepAt = Date.now();
    let observation = await session.observe();
    let onConfirmation = see(observation);
    for (let index = 0; index < options.maxSteps && outcome === null; index++) {
      if (options.signal?.aborted) {
        outcome = 'interrupted';
        error = INTERRUPTED;
        break;
      }
      const move = await source.next({ index, observation, history, purchased, onConfirmation });
      if (move.kind === 'stop') {
        outcome = move.outcome ?? (purchased ? 'purchase' : 'terminate');
        error = move.error ?? null;
        break;
      }
      const { step } = move;
      const stopReason = step.skip
        ? null
        : (options.orderGuard?.stopReason(observation, step.action) ?? null);
      if (!step.skip && !stopReason) await pace(lastStepAt, options.minStepIntervalMs ?? 0);
      await session.beginStep?.(stepGroupLabel(index, step.action, step.rationale));
      // the target's box first: it scrolls the target into view, so the screenshot shows it
      const targetBox = options.screenshotDir
        ? ((await session.targetBox?.(step.action)) ?? null)
        : null;
      const screenshot = options.screenshotDir
        ? await session.screenshot(
            `${options.screenshotDir}/step-${String(index).padStart(3, '0')}.png`,
          )
        : null;
      let stepError = step.skip ?? stopReason;
      let failed = false;
      let urlAfter: string | null = null;
      let executeMs: number | null = null;
      let settleMs: number | null = null;
      if (stepError === null) {
        const started = performance.now();
        try {
          const done = await session.execute(step.action);
          urlAfter = done.urlAfter;
          settleMs = done.settleMs ?? null;
        } catch (failure) {
          if (!(failure instanceof ActionError)) throw failure;
          stepError = failure.message;
          failed = true;
          failedSteps++;
        }
        executeMs = Math.round(performance.now() - started);
      }
      await session.endStep?.();
      lastStepAt = Date.now();
      await writer.appendStep({
        kind: 'step',
        index,
        time: new Date(lastStepAt).toISOString(),
        url: observation.url,
        observation,
        rationale: step.rationale,
        rationale_source: step.rationaleSource,
        action: step.action,
        click_type: step.clickType ?? null,
        result: {
          ok: stepError === null,
          error: stepError,
          url_after: urlAfter,
          execute_ms: executeMs,
          settle_ms: settleMs,
        },
        usage: step.usage ?? null,
        raw: step.raw ?? null,
        screenshot,
        ...(screenshot ? { target_box: targetBox } : {}),
      });
      if (step.usage) usages.push(step.usage);
      source.done?.({ index, step, observation, error: stepError, failed, urlAfter });
      options.onStep?.(index);
      history.push({
        observation,
        rationale: step.rationale,
        action: step.action,
        error: stepError,
      });
      if (stopReason) {
        notPlaced = stopReason;
        outcome = 'purchase';
      } else if (step.action.type === 'terminate' && stepError === null) {
        outcome = purchased ? 'purchase' : 'terminate';
      } else if (session.closed) {
        outcome = purchased ? 'purchase' : 'terminate';
      } else {
        observation = await session.observe();
        onConfirmation = see(observation);
      }
    }
    outcome ??= purchased ? 'purchase' : 'max_steps';
  } catch (failure) {
    outcome = 'error';
    error = describeFailure(failure);
  } finally {
    await session?.close().catch(() => undefined);
  }
  await settlePwTrace(options.pwTrace, outcome, failedSteps).catch(() => undefined);
  const end = await writer.finish({
    outcome,
    error,
    orderId: purchased ? orderId : null,
    notPlaced,
  });
  return {
    outcome,
    steps: end.steps,
    durationMs: end.duration_ms,
    error: end.error,
    orderId: end.order_id,
    usages,
    notPlaced: end.not_placed_reason ?? null,
  };
}

/**
 * Waits until `intervalMs` have passed since `since` by the wall clock (request pacing for shared
 * servers); a timer may fire a millisecond early, so it waits again until the time is really up.
 */
async function pace(since: number, intervalMs: number): Promise<void> {
  for (let wait = since + intervalMs - Date.now(); wait > 0; wait = since + intervalMs - Date.now())
    await new Promise((resolve) => setTimeout(resolve, wait));
}

function describeFailure(failure: unknown): string {
  if (failure instanceof ModelOutputError)
    return `${failure.message} Last answer: ${failure.raw.slice(0, 300)}`;
  if (failure instanceof ModelBackendError || failure instanceof Error) return failure.message;
  return String(failure);
}
