import { z } from 'zod';
import { Action } from '../action.js';
import { ModelUsage } from '../traces/schema.js';
import { stepErrorCategory } from './metrics/taxonomy.js';
import type { ScoredStep } from './scored-step.js';

/**
 * One line of an evaluation's predictions.jsonl: what was predicted for one human step, how it
 * was obtained (raw model text, usage) and how it scored. The first four fields have the shape of
 * an input predictions file, so a predictions.jsonl can be re-scored with `--predictions`.
 */
export const PredictionRecord = z.object({
  session_id: z.string().min(1),
  step: z.number().int().min(0),
  action: Action.nullable(),
  rationale: z.string().nullable(),
  status: z.enum(['ok', 'illegal', 'missing']),
  /** Why the prediction is illegal or missing. */
  error: z.string().nullable(),
  raw: z.string().nullable(),
  usage: ModelUsage.nullable(),
  correct: z.boolean(),
  gold: Action,
  gold_click_type: z.string().nullable(),
  predicted_click_type: z.string().nullable(),
  error_category: z.string().nullable(),
});
export type PredictionRecord = z.infer<typeof PredictionRecord>;

/** What a model (or a predictions file) produced for a step, before scoring. */
export interface RawPrediction {
  status: ScoredStep['status'];
  action: Action | null;
  rationale: string | null;
  error: string | null;
  raw: string | null;
  usage: ModelUsage | null;
}

export function toRecord(scored: ScoredStep, prediction: RawPrediction): PredictionRecord {
  return {
    session_id: scored.sessionId,
    step: scored.step,
    action: prediction.action,
    rationale: prediction.rationale,
    status: prediction.status,
    error: prediction.error,
    raw: prediction.raw,
    usage: prediction.usage,
    correct: scored.correct,
    gold: scored.gold,
    gold_click_type: scored.goldClickType,
    predicted_click_type: scored.predictedClickType,
    error_category: stepErrorCategory(scored),
  };
}

export function rawFromRecord(record: PredictionRecord): RawPrediction {
  return {
    status: record.status,
    action: record.action,
    rationale: record.rationale,
    error: record.error,
    raw: record.raw,
    usage: record.usage,
  };
}
