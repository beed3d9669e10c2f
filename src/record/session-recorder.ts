import type { Action } from '../action.js';
import type { Observation } from '../observe/observation.js';
import { isOrderConfirmation, orderIdFromUrl } from '../session/purchase.js';
import type { SensitiveValue } from '../traces/redactor.js';
import type { Outcome, TraceStep } from '../traces/schema.js';
import type { TraceWriter } from '../traces/writer.js';
import { RecorderEvent } from './events.js';
import { REDACTED } from './sensitive.js';

export interface RecordedSession {
  file: string;
  steps: number;
  droppedEvents: number;
  /** Messages from the page that were not valid recorder events (ignored). */
  invalidMessages: number;
  outcome: Outcome;
  orderId: string | null;
  durationMs: number;
}

const BLANK: Observation = { url: 'about:blank', title: '', html: '', elements: [] };

/**
 * Turns the in-page recorder's messages into trace steps, written one by one as they come:
 * actions become steps with the page as it was before them (secrets scrubbed), `observed`
 * messages keep the latest page for the final terminate step, clicks on unnamed areas are
 * counted. Messages are handled strictly in arrival order.
 */
export class SessionRecorder {
  private index = 0;
  private dropped = 0;
  private invalid = 0;
  private last: { observation: Observation; sensitive: SensitiveValue[] } | null = null;
  private orderId: string | null = null;
  private purchased = false;
  private queue: Promise<void> = Promise.resolve();
  private finished: Promise<RecordedSession> | null = null;
  /** The first step that could not be written (the session then ends with outcome 'error'). */
  private failure: string | null = null;

  constructor(
    private readonly writer: TraceWriter,
    private readonly startedMs: number,
    private readonly onStep: (step: TraceStep) => void = () => undefined,
  ) {}

  get steps(): number {
    return this.index;
  }

  /** Queues one raw message from the page. Never throws for a bad message. */
  accept(payload: unknown): Promise<void> {
    const parsed = RecorderEvent.safeParse(payload);
    if (!parsed.success) {
      this.invalid++;
      return this.queue;
    }
    // messages that arrive after finish() are too late; earlier ones run before the terminate
    if (this.finished) return this.finished.then(() => undefined);
    const event = parsed.data;
    this.queue = this.queue
      .then(() => this.handle(event))
      .catch((error: unknown) => {
        this.failure ??= (error as Error).message ?? String(error);
      });
    return this.queue;
  }

  private see(observation: Observation, sensitive: SensitiveValue[]): void {
    this.writer.rememberSecrets(sensitive);
    this.last = { observation, sensitive };
    if (isOrderConfirmation(observation)) {
      this.purchased = true;
      this.orderId = orderIdFromUrl(observation.url) ?? this.orderId;
    }
  }

  private async handle(event: RecorderEvent): Promise<void> {
    if (event.kind === 'dropped') {
      this.dropped++;
      return;
    }
    this.see(event.observation, event.sensitive);
    if (event.kind === 'observed') return;
    let action: Action = event.action;
    if (action.type === 'type_and_submit') {
      // the page knows best whether the target holds a secret; the writer scrubs the rest
      if (event.secretTarget) action = { ...action, text: REDACTED };
    }
    await this.append(action, event.time, event.url, event.observation, event.sensitive);
  }

  private async append(
    action: Action,
    time: string,
    url: string,
    observation: Observation,
    sensitive: SensitiveValue[],
  ): Promise<void> {
    const step: TraceStep = {
      kind: 'step',
      index: this.index,
      time,
      url,
      observation,
      rationale: null,
      rationale_source: null,
      action,
      click_type: null,
      result: null,
      usage: null,
      raw: null,
      screenshot: null,
    };
    const written = await this.writer.appendStep(step, sensitive);
    this.index++;
    this.onStep(written);
  }

  /**
   * Ends the session: a terminate step on the last page seen, then the end line. Outcome
   * 'purchase' when an order confirmation page was seen during the session. Idempotent.
   */
  finish(error: string | null = null): Promise<RecordedSession> {
    if (this.finished) return this.finished;
    this.finished = this.queue.then(async () => {
      const last = this.last ?? { observation: BLANK, sensitive: [] };
      await this.append(
        { type: 'terminate' },
        new Date().toISOString(),
        last.observation.url,
        last.observation,
        last.sensitive,
      );
      const durationMs = Date.now() - this.startedMs;
      const failure = error ?? this.failure;
      const outcome: Outcome = failure ? 'error' : this.purchased ? 'purchase' : 'terminate';
      await this.writer.finish({
        outcome,
        error: failure,
        droppedEvents: this.dropped,
        orderId: this.orderId,
        durationMs,
      });
      return {
        file: this.writer.file,
        steps: this.index,
        droppedEvents: this.dropped,
        invalidMessages: this.invalid,
        outcome,
        orderId: this.orderId,
        durationMs,
      };
    });
    return this.finished;
  }
}
