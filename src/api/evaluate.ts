import path from 'node:path';
import { modelOptionsOf } from '../config.js';
import { UsageError } from '../errors.js';
import type { EvalResult } from '../eval/eval-result.js';
import { evaluate as evaluateSteps, type PredictionSource } from '../eval/evaluate.js';
import { createModel } from '../models/spec.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../traces/run.js';
import { settingsOf, type Settings } from './settings.js';

export interface EvaluateApiOptions extends Settings {
  /** Human trace file, run folder or folder of runs. */
  human: string;
  /** A JSONL file of predictions made elsewhere, instead of `model`. */
  predictions?: string;
  /** Bootstrap resamples for the intervals (default 1000; 0 skips them). */
  resamples?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Teacher-forced next-action prediction over every step of human sessions, like `shopsim eval`:
 * with `model` (a model spec) or `predictions`; predictions are written under `out`.
 */
export async function evaluate(options: EvaluateApiOptions): Promise<EvalResult> {
  if (!options.model === !options.predictions) {
    throw new UsageError('give either model (a model spec) or predictions (a file), not both.');
  }
  const config = settingsOf(options);
  const outDir = config.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('eval'));
  const model = options.model ? await createModel(config.model, modelOptionsOf(config)) : null;
  const source: PredictionSource = model
    ? { kind: 'model', model, spec: config.model }
    : { kind: 'predictions', file: options.predictions! };
  try {
    return await evaluateSteps({
      human: options.human,
      source,
      outDir,
      concurrency: config.concurrency,
      maxAttempts: config.maxAttempts,
      historyPages: config.historyPages,
      seed: config.seed,
      resamples: options.resamples ?? 1000,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } finally {
    await model?.close();
  }
}
