import type { Action } from '../../action.js';

/**
 * One OPeRA action row, checked and mapped onto shopsim's Action. The heavy columns
 * (simplified_html) are read in a second pass and joined by `key`.
 */
export interface ActionRecord {
  /** `<table index>:<row>`: joins the two read passes. */
  key: string;
  file: string;
  row: number;
  /** Read order over all tables: breaks timestamp ties stably. */
  order: number;
  sessionId: string;
  userId: string | null;
  actionId: string | null;
  time: number;
  action: Action;
  clickType: string | null;
  url: string;
  rationale: string | null;
  image: string | null;
}

/** The light columns of the action table (everything except page HTML and JSON metadata). */
export const LIGHT_COLUMNS = [
  'session_id',
  'user_id',
  'action_id',
  'timestamp',
  'action_type',
  'click_type',
  'semantic_id',
  'input_text',
  'url',
  'rationale',
  'image',
];
export const HEAVY_COLUMNS = ['simplified_html'];

export type RowVerdict =
  | { kind: 'record'; record: ActionRecord }
  | { kind: 'scroll' }
  | { kind: 'malformed'; problem: string };

/** A non-empty trimmed string, or null (also for NaN, null, undefined, objects). */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return null;
}

/** Milliseconds since the epoch from an ISO string, a Date, or epoch seconds/milliseconds. */
export function parseTimestamp(value: unknown): number | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  if (typeof value === 'bigint') value = Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    return value > 1e11 ? value : value * 1000;
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return parseTimestamp(Number(trimmed));
  // ISO with more than millisecond precision (2025-04-14T21:52:46.756000Z): keep milliseconds
  const normalized = trimmed.replace(/(\.\d{3})\d+/, '$1').replace(' ', 'T');
  const ms = Date.parse(normalized);
  return Number.isFinite(ms) ? ms : null;
}

/** `<user_uuid>_<start_iso>_<end_iso>` -> user_uuid. */
function userIdFromSessionId(sessionId: string): string | null {
  const match = /^([^_]+)_\d{4}-\d{2}-\d{2}T/.exec(sessionId);
  return match ? match[1]! : null;
}

/** Checks one row and maps it; malformed rows say why. */
export function readActionRow(
  values: Record<string, unknown>,
  place: { key: string; file: string; row: number; order: number },
): RowVerdict {
  const sessionId = text(values.session_id)?.trim();
  if (!sessionId) return { kind: 'malformed', problem: 'missing session_id' };
  const type = text(values.action_type)?.trim().toLowerCase();
  if (type === 'scroll') return { kind: 'scroll' };
  const time = parseTimestamp(values.timestamp);
  if (time === null) {
    return {
      kind: 'malformed',
      problem: `bad timestamp ${JSON.stringify(values.timestamp ?? null)}`,
    };
  }
  const name = text(values.semantic_id)?.trim() ?? null;
  let action: Action;
  if (type === 'click') {
    if (!name) return { kind: 'malformed', problem: 'click without semantic_id' };
    action = { type: 'click', name };
  } else if (type === 'input') {
    if (!name) return { kind: 'malformed', problem: 'input without semantic_id' };
    const typed = values.input_text;
    if (typeof typed !== 'string')
      return { kind: 'malformed', problem: 'input without input_text' };
    action = { type: 'type_and_submit', name, text: typed };
  } else if (type === 'terminate') {
    action = { type: 'terminate' };
  } else {
    return {
      kind: 'malformed',
      problem: `unknown action_type ${JSON.stringify(values.action_type ?? null)} (expected click, input, terminate or scroll)`,
    };
  }
  return {
    kind: 'record',
    record: {
      ...place,
      sessionId,
      userId: text(values.user_id)?.trim() ?? userIdFromSessionId(sessionId),
      actionId: text(values.action_id),
      time,
      action,
      clickType: text(values.click_type)?.trim() ?? null,
      url: text(values.url)?.trim() ?? '',
      rationale: text(values.rationale)?.trim() ?? null,
      image: text(values.image)?.trim() ?? null,
    },
  };
}
