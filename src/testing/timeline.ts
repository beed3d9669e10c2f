import { formatAction } from '../action.js';
import type { Trace } from '../traces/schema.js';

/**
 * A session as plain text, one step a line: the page, the action and the shopper's stated reason,
 * then how the session ended. Attached to Playwright test reports beside the trace itself.
 */
export function rationaleTimeline(trace: Trace): string {
  const persona = trace.header.persona?.id ?? 'no persona';
  const lines = [
    `session ${trace.header.session_id} (${persona}, model ${trace.header.model ?? '-'})`,
  ];
  for (const step of trace.steps) {
    const error = step.result && !step.result.ok ? `  [failed: ${step.result.error ?? '?'}]` : '';
    lines.push(`#${step.index}  ${step.url}`);
    lines.push(`    ${formatAction(step.action)}${error}`);
    if (step.rationale) lines.push(`    why: ${step.rationale.replace(/\s+/g, ' ').trim()}`);
  }
  const end = trace.end;
  lines.push(
    end
      ? `end: ${end.outcome} after ${end.steps} steps${end.order_id ? `, order ${end.order_id}` : ''}${end.error ? ` (${end.error})` : ''}`
      : 'end: missing (the trace was cut off)',
  );
  return lines.join('\n') + '\n';
}
