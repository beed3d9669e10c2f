import {
  Action,
  type ModelAnswer,
  describeZodError,
  parseActionString,
  stripExtra,
} from '../action.js';
import { ModelOutputError } from '../errors.js';

/**
 * Reads a model's raw text as one {rationale, action} answer, tolerantly:
 * - code fences (```json ... ```) and prose around the JSON are ignored;
 * - the first balanced {...} object that reads as an answer wins (braces inside strings are fine);
 * - `"action": "click foo"` (the one-line form of formatAction) is accepted;
 * - a bare action object {"type": "click", "name": ...} is accepted (rationale from it or empty);
 * - a bare one-line action ("click foo", "terminate") is accepted as a last resort;
 * - `"type": "input"` (the OPeRA name) means type_and_submit; types are case-insensitive;
 * - reasoning models' <think>...</think> blocks are skipped (drafts in them do not count).
 * Throws ModelOutputError whose message is written for the model to read and fix.
 */
export function parseAnswer(text: string): ModelAnswer {
  const trimmed = text.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  if (trimmed === '') throw new ModelOutputError('the answer was empty', text);

  const problems: string[] = [];
  for (const candidate of jsonCandidates(trimmed)) {
    let value: unknown;
    try {
      value = parseLooseJson(candidate);
    } catch (error) {
      problems.push(`the JSON could not be read (${(error as Error).message})`);
      continue;
    }
    const result = interpret(value);
    if (typeof result !== 'string') return result;
    problems.push(result);
  }

  const line = lastActionLine(trimmed);
  if (line) {
    try {
      return { rationale: '', action: parseActionString(line) };
    } catch {
      // not a one-line action either; report the JSON problems below
    }
  }
  const problem =
    problems.length > 0
      ? (problems.find((p) => !p.startsWith('the JSON could not be read')) ?? problems[0]!)
      : 'no JSON object found in the answer';
  throw new ModelOutputError(problem, text);
}

/** Candidate JSON texts, most likely first: fenced blocks, the whole text, then {...} objects. */
function jsonCandidates(text: string): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    const t = s.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  for (const match of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) {
    const body = match[1] ?? '';
    if (body.trim().startsWith('{')) add(body);
    for (const obj of balancedObjects(body)) add(obj);
  }
  if (text.startsWith('{')) add(text);
  for (const obj of balancedObjects(text)) add(obj);
  return out;
}

/** Top-level balanced {...} substrings; quotes only count inside braces (prose has apostrophes). */
export function balancedObjects(text: string): string[] {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth > 0 && inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) objects.push(text.slice(start, i + 1));
    }
  }
  return objects;
}

/** JSON.parse, then once more with trailing commas removed (a common small-model slip). */
function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const repaired = text.replace(/,\s*([}\]])/g, '$1');
    if (repaired === text) throw error;
    return JSON.parse(repaired);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An answer, or a problem sentence for the model. */
function interpret(value: unknown): ModelAnswer | string {
  if (!isRecord(value)) return 'the answer must be one JSON object, not ' + describeType(value);
  const rationaleValue = value.rationale ?? value.reason ?? value.thought;
  if (rationaleValue !== undefined && typeof rationaleValue !== 'string') {
    return 'rationale: must be a string (one first-person sentence)';
  }
  const rationale = (rationaleValue as string | undefined) ?? '';

  let rawAction: unknown;
  if ('action' in value) rawAction = value.action;
  else if ('type' in value) rawAction = value;
  else return 'the JSON object has no "action" field; answer {"rationale": ..., "action": {...}}';

  if (typeof rawAction === 'string') {
    try {
      return { rationale, action: parseActionString(rawAction) };
    } catch (error) {
      return 'action: ' + (error as Error).message;
    }
  }
  if (!isRecord(rawAction)) return `action: must be an object, not ${describeType(rawAction)}`;
  const result = Action.safeParse(normalizeType(rawAction));
  if (!result.success) {
    return describeZodError(result.error)
      .split('; ')
      .map((p) => 'action.' + p.replace(/^\(root\): /, ''))
      .join('; ');
  }
  return { rationale, action: stripExtra(result.data) };
}

const TYPE_ALIASES: Record<string, string> = {
  input: 'type_and_submit',
  type: 'type_and_submit',
  'type-and-submit': 'type_and_submit',
  typeandsubmit: 'type_and_submit',
};

function normalizeType(action: Record<string, unknown>): Record<string, unknown> {
  if (typeof action.type !== 'string') return action;
  const lower = action.type.trim().toLowerCase();
  return { ...action, type: TYPE_ALIASES[lower] ?? lower };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** The last non-empty line if it looks like a one-line action, "Action:" label removed. */
function lastActionLine(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1]?.replace(/^(?:action|answer)\s*:\s*/i, '') ?? '';
  return /^(click|type_and_submit|terminate)\b/.test(last) ? last.replace(/`/g, '') : null;
}
