import { readFile } from 'node:fs/promises';
import { InputFileError } from '../errors.js';
import { absentTarget, stepKey, type EvalItem } from './eval-items.js';
import { checkPredictionLine, type ExternalPrediction, type LineIssue } from './prediction-line.js';
import type { RawPrediction } from './prediction-record.js';

export { ExternalPrediction, type LineIssue } from './prediction-line.js';

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
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputFileError(
      file,
      null,
      `cannot read the predictions file (${code}); check the path.`,
    );
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
    const verdict = checkPredictionLine(raw);
    if (!verdict.ok) {
      const issue = { line, field: verdict.field, message: verdict.message };
      out.malformed.push(issue);
      if (verdict.names) {
        out.malformedByKey.set(stepKey(verdict.names.sessionId, verdict.names.step), issue);
      }
      return;
    }
    const { prediction } = verdict;
    const key = stepKey(prediction.session_id, prediction.step);
    const first = out.byKey.get(key);
    if (first) {
      out.duplicates.push({
        line,
        field: null,
        message: `second prediction for session ${prediction.session_id} step ${prediction.step} (first on line ${first.line}); ignored`,
      });
      return;
    }
    out.byKey.set(key, { prediction, line });
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
      error: bad
        ? `line ${bad.line} is malformed: ${bad.field ? `${bad.field}: ` : ''}${bad.message}`
        : 'no prediction in the file',
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

/** Lines whose (session_id, step) is not a step of the human traces, saying which part is wrong. */
export function unmatchedPredictions(
  file: PredictionsFile,
  items: readonly EvalItem[],
): LineIssue[] {
  const known = new Set(items.map((i) => stepKey(i.sessionId, i.step)));
  const steps = new Map<string, number>();
  for (const item of items) steps.set(item.sessionId, (steps.get(item.sessionId) ?? 0) + 1);
  return [...file.byKey]
    .filter(([key]) => !known.has(key))
    .map(([, { prediction, line }]) => {
      const count = steps.get(prediction.session_id);
      return count === undefined
        ? {
            line,
            field: 'session_id',
            message: `session ${JSON.stringify(prediction.session_id)} is not in the human traces`,
          }
        : {
            line,
            field: 'step',
            message: `session ${prediction.session_id} has steps 0 to ${count - 1}, not ${prediction.step}`,
          };
    })
    .sort((a, b) => a.line - b.line);
}

/** 'line 3: field "step": must be...' */
export function formatLineIssue(issue: LineIssue): string {
  return `line ${issue.line}: ${issue.field ? `field "${issue.field}": ` : ''}${issue.message}`;
}

/**
 * Throws when no line of the file is a prediction for a step of the human traces: scoring it
 * would only report 0% accuracy for a file that was never read as meant.
 */
export function requireUsablePredictions(
  file: PredictionsFile,
  items: readonly EvalItem[],
  unmatched: readonly LineIssue[],
): void {
  const known = new Set(items.map((i) => stepKey(i.sessionId, i.step)));
  if ([...file.byKey.keys()].some((key) => known.has(key))) return;
  const problems = [...file.malformed, ...file.duplicates, ...unmatched].sort(
    (a, b) => a.line - b.line,
  );
  const shown = problems.slice(0, 3).map(formatLineIssue).join('; ');
  throw new InputFileError(
    file.file,
    null,
    file.lines === 0
      ? 'holds no predictions (the file is empty); give a JSONL file with one prediction per line.'
      : `none of its ${file.lines} lines is a usable prediction for a step of the human traces ` +
          `(${file.malformed.length} malformed, ${unmatched.length} naming no human step, ` +
          `${file.duplicates.length} duplicate). First: ${shown}. Each line must be ` +
          '{"session_id": "<human session id>", "step": <0-based step>, "action": {...}}; fix the file and retry.',
  );
}
