import PQueue from 'p-queue';
import { ModelOutputError } from '../errors.js';
import { decide } from '../models/decide.js';
import type { SimulatorModel } from '../models/model.js';
import { parseAnswer } from '../models/parse-answer.js';
import { buildRequest, type EvalItem } from './eval-items.js';
import type { RawPrediction } from './prediction-record.js';

export interface PredictOptions {
  model: SimulatorModel;
  /** The steps still to predict. */
  items: readonly EvalItem[];
  concurrency: number;
  maxAttempts: number;
  historyPages: number;
  /** Called once per finished step, in completion order; awaited before the step counts as done. */
  onPrediction: (item: EvalItem, prediction: RawPrediction) => Promise<void>;
}

/** Asks the model for one teacher-forced step. An answer still invalid after all attempts is illegal. */
export async function predictItem(
  model: SimulatorModel,
  item: EvalItem,
  options: { maxAttempts: number; historyPages: number },
): Promise<RawPrediction> {
  const started = performance.now();
  try {
    const decision = await decide(model, buildRequest(item, options.historyPages), {
      maxAttempts: options.maxAttempts,
      legality: 'protocol',
    });
    return {
      status: 'ok',
      action: decision.action,
      rationale: decision.rationale,
      error: null,
      raw: decision.raw,
      usage: decision.usage,
    };
  } catch (error) {
    if (!(error instanceof ModelOutputError)) throw error;
    return {
      status: 'illegal',
      action: readableAction(error.raw),
      rationale: null,
      error: error.message,
      raw: error.raw,
      usage: {
        prompt_tokens: null,
        completion_tokens: null,
        latency_ms: Math.round(performance.now() - started),
        attempts: Math.max(1, Math.floor(options.maxAttempts)),
      },
    };
  }
}

/** The action an illegal answer named, when it parses at all (kept for the record). */
function readableAction(raw: string): RawPrediction['action'] {
  try {
    return parseAnswer(raw).action;
  } catch {
    return null;
  }
}

/**
 * Predicts every item with up to `concurrency` model calls in flight. A backend failure
 * (anything but an invalid answer) stops scheduling new steps, lets running ones finish and
 * is rethrown: the steps already recorded are kept, so the evaluation can be resumed.
 */
export async function predictItems(options: PredictOptions): Promise<void> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
  let failure: unknown = null;
  for (const item of options.items) {
    void queue.add(async () => {
      if (failure !== null) return;
      try {
        const prediction = await predictItem(options.model, item, options);
        await options.onPrediction(item, prediction);
      } catch (error) {
        if (failure === null) failure = error;
        queue.clear();
      }
    });
  }
  await queue.onIdle();
  if (failure !== null) throw failure;
}
