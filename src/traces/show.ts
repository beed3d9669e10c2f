import type { Trace, TraceStep } from './schema.js';
import { clip, collapse } from '../observe/text.js';

const TEXT_CAP = 80;
/** Characters per line of a wrapped rationale. */
const WRAP_WIDTH = 100;

/** Breaks text into lines of at most `width` characters at spaces (longer words stay whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of collapse(text).split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** What the step's action did: `-> ok [url]`, `FAILED: error`, or nothing when not recorded. */
function resultCell(step: TraceStep): string | null {
  const result = step.result;
  if (!result) return null;
  if (!result.ok) return `FAILED: ${clip(result.error ?? 'failed', TEXT_CAP)}`;
  const moved = result.url_after && result.url_after !== step.url;
  return moved ? `-> ok, now ${result.url_after}` : '-> ok';
}

/** One line per step: index, type, name, text (and the click type / result when known). */
function formatStepLine(step: TraceStep, indexWidth = 3): string {
  const action = step.action;
  const cells = [String(step.index).padStart(indexWidth), action.type.padEnd(15)];
  if (action.type !== 'terminate') cells.push(action.name);
  if (action.type === 'type_and_submit') cells.push(JSON.stringify(clip(action.text, TEXT_CAP)));
  if (step.click_type) cells.push(`[${step.click_type}]`);
  const result = resultCell(step);
  if (result) cells.push(result);
  return cells.join('  ').trimEnd();
}

/** The step's rationale, wrapped and indented under its step line; none when it has none. */
function rationaleLines(step: TraceStep, indexWidth: number): string[] {
  if (!step.rationale?.trim()) return [];
  const label = `why (${step.rationale_source ?? 'unknown'}): `;
  const indent = ' '.repeat(indexWidth + 2);
  return wrapText(step.rationale, WRAP_WIDTH - indent.length - label.length).map(
    (line, i) => indent + (i === 0 ? label : ' '.repeat(label.length)) + line,
  );
}

/** A session, compactly: header summary, each step with its rationale, then the outcome. */
export function formatTrace(trace: Trace): string {
  const h = trace.header;
  const lines = [
    `session   ${h.session_id}`,
    `file      ${trace.file}`,
    `source    ${h.source}${h.dataset ? ` (${h.dataset})` : ''}` +
      (h.user_id ? `, user ${h.user_id}` : ''),
    `persona   ${h.persona ? `${h.persona.id}: ${h.persona.display_name}; ${clip(h.persona.intent, TEXT_CAP)}` : '-'}`,
    `site      ${h.site}${h.variant ? ` (variant ${h.variant})` : ''}`,
  ];
  if (h.model) lines.push(`model     ${h.model}${h.seed !== null ? ` (seed ${h.seed})` : ''}`);
  if (h.replay_of) lines.push(`replay of ${h.replay_of.file} (${h.replay_of.session_id})`);
  lines.push(`started   ${h.started_at}`, '');
  const width = Math.max(String(Math.max(0, trace.steps.length - 1)).length, 3);
  for (const step of trace.steps) {
    lines.push(formatStepLine(step, width), ...rationaleLines(step, width));
  }
  if (trace.steps.length === 0) lines.push('(no steps)');
  lines.push('');
  const end = trace.end;
  if (!end) {
    lines.push(`outcome   (no end line: the session was cut off after ${trace.steps.length} steps)`);
  } else {
    const extra = [
      `${end.steps} steps`,
      `${(end.duration_ms / 1000).toFixed(1)}s`,
      end.dropped_events ? `${end.dropped_events} dropped events` : null,
      end.order_id ? `order ${end.order_id}` : null,
      end.error ? `error: ${clip(end.error, TEXT_CAP)}` : null,
    ].filter(Boolean);
    lines.push(`outcome   ${end.outcome} (${extra.join(', ')})`);
  }
  return lines.join('\n') + '\n';
}
