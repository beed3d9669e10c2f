import { z } from 'zod';
import { Action, stripExtra } from '../action.js';
import { jsonProblem } from '../json-file.js';

/** One line of a predictions file made elsewhere. Extra fields are allowed and ignored. */
export const ExternalPrediction = z.object({
  session_id: z.string().min(1),
  step: z.number().int().min(0),
  action: Action,
  rationale: z.string().nullable().optional(),
});
export type ExternalPrediction = z.infer<typeof ExternalPrediction>;

/** A problem of one line: the field it is in (null for the line as a whole) and what is wrong. */
export interface LineIssue {
  line: number;
  field: string | null;
  message: string;
}

export type LineVerdict =
  | { ok: true; prediction: ExternalPrediction }
  | {
      ok: false;
      field: string | null;
      message: string;
      /** The (session_id, step) the line still names, when it names a usable one. */
      names: { sessionId: string; step: number } | null;
    };

const SHAPE = 'each line is {"session_id": "...", "step": 0, "action": {...}}';

const ACTION_SHAPE =
  'an action is {"type": "click", "name": ...}, {"type": "type_and_submit", "name": ..., "text": ...} or {"type": "terminate"}';

/** Bytes no JSON text line holds: NUL, other C0 controls but tab/CR, and undecodable UTF-8. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

function checkSessionId(value: unknown): string | null {
  if (value === undefined) return 'missing; give the id of the human session';
  if (typeof value !== 'string' || value === '')
    return `must be a non-empty string, got ${describeValue(value)}`;
  return null;
}

function checkStep(value: unknown): string | null {
  if (value === undefined) return 'missing; give the 0-based index of the human step';
  if (typeof value !== 'number') return `must be a number, got ${describeValue(value)}`;
  if (!Number.isInteger(value)) return `must be a whole number, got ${value}`;
  if (value < 0) return `must be 0 or more, got ${value}`;
  return null;
}

/** Checks one non-empty line of a predictions file, naming the first bad field. */
export function checkPredictionLine(raw: string): LineVerdict {
  type Names = { sessionId: string; step: number } | null;
  const fail = (field: string | null, message: string, names: Names = null): LineVerdict => ({
    ok: false,
    field,
    message,
    names,
  });
  if (BINARY.test(raw))
    return fail(null, 'binary data, not a line of JSON text; is this the right file?');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return fail(null, jsonProblem(raw, error).message.replace(/ at line 1, column/, ' at column'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(null, `not a JSON object (got ${describeValue(value)}); ${SHAPE}`);
  }
  const v = value as Record<string, unknown>;
  const sessionProblem = checkSessionId(v.session_id);
  if (sessionProblem) return fail('session_id', sessionProblem);
  const stepProblem = checkStep(v.step);
  if (stepProblem) return fail('step', stepProblem);
  const names: Names = { sessionId: v.session_id as string, step: v.step as number };
  if (v.action === undefined) return fail('action', `missing; ${ACTION_SHAPE}`, names);
  const result = ExternalPrediction.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || null;
    const hint = field?.startsWith('action') ? `; ${ACTION_SHAPE}` : '';
    return fail(field, issue.message + hint, names);
  }
  return { ok: true, prediction: { ...result.data, action: stripExtra(result.data.action) } };
}
