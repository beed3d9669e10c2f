import type { Trace, TraceStep } from './schema.js';
import { clip } from '../observe/text.js';

const TEXT_CAP = 80;


/** One line per step: index, type, name, text (and the click type / problem when known). */
function formatStepLine(step: TraceStep, indexWidth = 3): string {
  const action = step.action;
  const cells = [String(step.index).padStart(indexWidth), action.type.padEnd(15)];
  if (action.type !== 'terminate') cells.push(action.name);
  if (action.type === 'type_and_submit') cells.push(JSON.stringify(clip(action.text, TEXT_CAP)));
  if (step.click_type) cells.push(`[${step.click_type}]`);
  if (step.result && !step.result.ok) cells.push(`FAILED: ${clip(step.result.error ?? 'failed', TEXT_CAP)}`);
  return cells.join('  ').trimEnd();
}

/** A session, compactly: header summary, one line per step, then the outcome. */
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
  const width = String(Math.max(0, trace.steps.length - 1)).length;
  for (const step of trace.steps) lines.push(formatStepLine(step, Math.max(width, 3)));
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
