import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { SimulatorModel } from '../models/model.js';
import { readTraces } from '../traces/reader.js';
import { SHOPSIM_VERSION } from '../version.js';
import { claimEvalFolder, type EvalSettings } from './eval-settings.js';
import { buildEvalSet, stepKey, type EvalItem } from './eval-items.js';
import { computeEvalMetrics } from './metrics/index.js';
import { predictItems } from './predict.js';
import {
  rawFromRecord,
  toRecord,
  type PredictionRecord,
  type RawPrediction,
} from './prediction-record.js';
import {
  predictionForItem,
  readPredictionsFile,
  requireUsablePredictions,
  unmatchedPredictions,
  type LineIssue,
  type PredictionsFile,
} from './predictions-file.js';
import {
  PREDICTIONS_FILE,
  PredictionAppender,
  readStoredPredictions,
  rewritePredictions,
} from './predictions-store.js';
import { PUBLISHED_FIGURES } from './published.js';
import type { EvalResult, UsageSummary } from './eval-result.js';
import { scoreStep } from './score.js';
import type { ScoredStep } from './scored-step.js';

export type PredictionSource =
  { kind: 'model'; model: SimulatorModel; spec: string } | { kind: 'predictions'; file: string };

export interface EvaluateOptions {
  human: string;
  source: PredictionSource;
  outDir: string;
  concurrency: number;
  maxAttempts: number;
  historyPages: number;
  seed: number;
  resamples?: number;
  level?: number;
  /** Steps done (resumed included) out of all steps; called as predictions complete. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Teacher-forced evaluation of next-action prediction against human sessions: predicts (or
 * reads) every step, writes predictions.jsonl as it goes, and returns every metric.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvalResult> {
  const traces = await readTraces(options.human);
  const set = buildEvalSet(traces);
  if (set.items.length === 0) {
    throw new UsageError(`${options.human} holds no session with steps; nothing to evaluate.`);
  }
  const { source } = options;
  // Inputs are read and checked before anything is written to the output folder.
  let predictionsFile: PredictionsFile | null = null;
  let unmatched: LineIssue[] = [];
  if (source.kind === 'predictions') {
    predictionsFile = await readPredictionsFile(source.file);
    unmatched = unmatchedPredictions(predictionsFile, set.items);
    requireUsablePredictions(predictionsFile, set.items, unmatched);
  }
  const settings: EvalSettings = {
    mode: source.kind,
    model: source.kind === 'model' ? source.spec : null,
    predictions_file: source.kind === 'predictions' ? path.resolve(source.file) : null,
    human: path.resolve(options.human),
    history_pages: source.kind === 'model' ? options.historyPages : null,
    max_attempts: source.kind === 'model' ? options.maxAttempts : null,
    seed: options.seed,
  };
  await mkdir(options.outDir, { recursive: true });
  await claimEvalFolder(options.outDir, settings);
  const predictionsPath = path.join(options.outDir, PREDICTIONS_FILE);

  const records = new Map<string, PredictionRecord>();
  const scoredByKey = new Map<string, ScoredStep>();
  const record = (item: EvalItem, prediction: RawPrediction): PredictionRecord => {
    const key = stepKey(item.sessionId, item.step);
    const scored = scoreStep(item, prediction, set.lexicon);
    const rec = toRecord(scored, prediction);
    records.set(key, rec);
    scoredByKey.set(key, scored);
    return rec;
  };
  let fileReport: EvalResult['predictions']['file_issues'] = null;
  let resumed = 0;
  let unreadable = 0;
  let madeNow = 0;
  let staleRecords = 0;

  if (predictionsFile) {
    const file = predictionsFile;
    for (const item of set.items) record(item, predictionForItem(file, item));
    await rewritePredictions(predictionsPath, [...records.values()]);
    fileReport = {
      lines: file.lines,
      malformed: file.malformed,
      duplicates: file.duplicates,
      unmatched,
    };
  } else if (source.kind === 'model') {
    const stored = await readStoredPredictions(predictionsPath);
    unreadable = stored.unreadable;
    const todo: EvalItem[] = [];
    for (const item of set.items) {
      const old = stored.byKey.get(stepKey(item.sessionId, item.step));
      if (old) record(item, rawFromRecord(old));
      else todo.push(item);
    }
    resumed = records.size;
    // Lines for steps no longer in the human set are kept in the file but not scored.
    const stale = [...stored.byKey.entries()]
      .filter(([key]) => !records.has(key))
      .map(([, r]) => r);
    staleRecords = stale.length;
    // Rescored, readable lines only: drops a line cut off by a kill before appending after it.
    await rewritePredictions(predictionsPath, [...records.values(), ...stale]);
    const total = set.items.length;
    options.onProgress?.(resumed, total);
    const appender = await PredictionAppender.open(predictionsPath);
    try {
      await predictItems({
        model: source.model,
        items: todo,
        concurrency: options.concurrency,
        maxAttempts: options.maxAttempts,
        historyPages: options.historyPages,
        onPrediction: async (item, prediction) => {
          await appender.append(record(item, prediction));
          madeNow += 1;
          options.onProgress?.(resumed + madeNow, total);
        },
      });
    } finally {
      await appender.close();
    }
  }

  const keys = set.items.map((i) => stepKey(i.sessionId, i.step));
  const ordered = keys.map((key) => records.get(key)!);
  const scored = keys.map((key) => scoredByKey.get(key)!);
  const metrics = computeEvalMetrics(scored, {
    resamples: options.resamples ?? 1000,
    seed: options.seed,
    level: options.level ?? 0.95,
  });
  return {
    kind: 'eval',
    shopsim_version: SHOPSIM_VERSION,
    created_at: new Date().toISOString(),
    out_dir: options.outDir,
    settings: { ...settings, concurrency: source.kind === 'model' ? options.concurrency : null },
    data: {
      sessions: set.sessions,
      steps: set.items.length,
      empty_sessions: set.emptySessions,
      non_human_sessions: traces.filter((t) => t.header.source !== 'human').length,
      gold_absent: set.goldAbsent,
      gold_rejected: set.goldRejected,
      no_elements: set.noElements,
      steps_with_rationale: set.withRationale,
    },
    predictions: {
      file: predictionsPath,
      made_now: madeNow,
      resumed,
      unreadable_lines: unreadable,
      stale_records: staleRecords,
      file_issues: fileReport,
      usage: source.kind === 'model' ? summarizeUsage(ordered) : null,
    },
    metrics,
    published: PUBLISHED_FIGURES,
  };
}

function summarizeUsage(records: PredictionRecord[]): UsageSummary {
  const usages = records.map((r) => r.usage).filter((u) => u !== null);
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  return {
    calls: usages.reduce((a, u) => a + u.attempts, 0),
    retried_steps: usages.filter((u) => u.attempts > 1).length,
    prompt_tokens: sum(usages.map((u) => u.prompt_tokens)),
    completion_tokens: sum(usages.map((u) => u.completion_tokens)),
    mean_latency_ms: usages.length
      ? Math.round(usages.reduce((a, u) => a + u.latency_ms, 0) / usages.length)
      : null,
  };
}
