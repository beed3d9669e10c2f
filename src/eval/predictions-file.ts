import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Action, describeZodError, stripExtra } from '../action.js';
import { InputFileError } from '../errors.js';
import { absentTarget, stepKey, type EvalItem } from './eval-items.js';
import type { RawPrediction } from './prediction-record.js';

/** One line of a predictions file made elsewhere. Extra fields are allowed and ignored. */
export const ExternalPrediction = z.object({
  session_id: z.string().min(1),
  step: z.number().int().min(0),
  action: Action,
  rationale: z.string().nullable().optional(),
});
export type ExternalPrediction = z.infer<typeof ExternalPrediction>;

export interface LineIssue {
  line: number;
  message: string;
}

export interface PredictionsFile {
  file: string;
  /** Valid predictions by (session_id, step); the first line wins. */
  byKey: Map<string, { prediction: ExternalPrediction; line: number }>;
  /** Lines that are not one valid prediction object; their steps count as missing. */
  malformed: LineIssue[];
  /** Malformed lines that still named a (session_id, step): why that step has no prediction. */
  malformedByKey: Map<string, LineIssue>;
  /** Later lines for a (session_id, step) already predicted; ignored. */
  duplicates: LineIssue[];
  lines: number;
}

/** Reads a JSONL predictions file tolerantly: every bad line is reported, none is fatal. */
export async function readPredictionsFile(file: string): Promise<PredictionsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputFileError(file, null, 'cannot read the predictions file; check the path.');
  }
  const out: PredictionsFile = {
    file,
    byKey: new Map(),
    malformed: [],
    malformedByKey: new Map(),
    duplicates: [],
    lines: 0,
  };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    out.lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.malformed.push({ line, message: 'not valid JSON' });
      return;
    }
    const result = ExternalPrediction.safeParse(value);
    if (!result.success) {
      const issue = { line, message: describeZodError(result.error) };
      out.malformed.push(issue);
      const v = value as { session_id?: unknown; step?: unknown } | null;
      if (v && typeof v.session_id === 'string' && Number.isInteger(v.step)) {
        out.malformedByKey.set(stepKey(v.session_id, v.step as number), issue);
      }
      return;
    }
    const key = stepKey(result.data.session_id, result.data.step);
    const first = out.byKey.get(key);
    if (first) {
      out.duplicates.push({
        line,
        message: `second prediction for session ${result.data.session_id} step ${result.data.step} (first on line ${first.line}); ignored`,
      });
      return;
    }
    out.byKey.set(key, {
      prediction: { ...result.data, action: stripExtra(result.data.action) },
      line,
    });
  });
  return out;
}

/**
 * The prediction a file holds for one human step: missing when absent or malformed; illegal
 * when it names an element absent from the human observation (checked only when the observation
 * lists elements); ok otherwise.
 */
export function predictionForItem(file: PredictionsFile, item: EvalItem): RawPrediction {
  const key = stepKey(item.sessionId, item.step);
  const found = file.byKey.get(key);
  if (!found) {
    const bad = file.malformedByKey.get(key);
    return {
      status: 'missing',
      action: null,
      rationale: null,
      error: bad ? `line ${bad.line} is malformed: ${bad.message}` : 'no prediction in the file',
      raw: null,
      usage: null,
    };
  }
  const { action, rationale } = found.prediction;
  const absent = absentTarget(action, item.observation);
  return {
    status: absent !== null ? 'illegal' : 'ok',
    action,
    rationale: rationale ?? null,
    error: absent !== null ? `line ${found.line}: no element named "${absent}" on this page` : null,
    raw: null,
    usage: null,
  };
}

/** Lines whose (session_id, step) is not a step of the human traces. */
export function unmatchedPredictions(
  file: PredictionsFile,
  items: readonly EvalItem[],
): LineIssue[] {
  const known = new Set(items.map((i) => stepKey(i.sessionId, i.step)));
  return [...file.byKey]
    .filter(([key]) => !known.has(key))
    .map(([, { prediction, line }]) => ({
      line,
      message: `session ${prediction.session_id} step ${prediction.step} is not a step of the human traces`,
    }))
    .sort((a, b) => a.line - b.line);
}
