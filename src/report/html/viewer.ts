import { formatAction } from '../../action.js';
import type { Trace, TraceStep } from '../../traces/schema.js';
import { domId, html, type SafeHtml } from './escape.js';
import type { ScreenshotSources } from './screenshots.js';

/** Sessions shown step by step in one report; more are listed in the tables only. */
export const MAX_VIEWED_SESSIONS = 100;

/** Extra content under a step (eval: the model's prediction for it). */
export type StepExtra = (trace: Trace, step: TraceStep) => SafeHtml | null;

export interface ViewerOptions {
  shots: ScreenshotSources;
  extra?: StepExtra;
  /** Shown after the session id in the summary line (cost, arm, ...). */
  label?: string;
  open?: boolean;
}

const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(3)}%`;

/** The screenshot with the action's target outlined (the box is in viewport pixels). */
function screenshot(src: string, step: TraceStep): SafeHtml {
  const box = step.target_box;
  const target = box
    ? html`<div
        class="target"
        data-target="${step.action.type === 'terminate' ? '' : step.action.name}"
        style="${`left:${pct(box.x, box.viewport.width)};top:${pct(box.y, box.viewport.height)};width:${pct(box.width, box.viewport.width)};height:${pct(box.height, box.viewport.height)}`}"
      ></div>`
    : null;
  return html`<div class="shot">
    <img loading="lazy" alt="${`screenshot before step ${step.index}`}" src="${src}" />${target}
  </div>`;
}

function stepItem(trace: Trace, step: TraceStep, options: ViewerOptions): SafeHtml {
  const failed = step.result !== null && !step.result.ok;
  const src = options.shots.src(trace, step.screenshot);
  const offScreen = src && !step.target_box && step.action.type !== 'terminate';
  return html`<li class="${failed ? 'failed' : ''}" data-step="${step.index}">
    <div>
      <strong>Step ${step.index}</strong>
      <span class="action">${formatAction(step.action)}</span
      >${step.click_type ? html` <span class="note">(${step.click_type})</span>` : null}
    </div>
    <div class="url">${step.url}</div>
    ${step.rationale ? html`<div class="rationale">${step.rationale}</div>` : null}
    ${failed ? html`<div class="error">Failed: ${step.result?.error ?? 'unknown error'}</div>` : null}
    ${step.result?.url_after && step.result.url_after !== step.url ? html`<div class="url">→ ${step.result.url_after}</div>` : null}
    ${options.extra?.(trace, step) ?? null} ${src ? screenshot(src, step) : null}
    ${offScreen ? html`<div class="note">The target was not drawn in this screenshot.</div>` : null}
    <details>
      <summary>
        Simplified page: ${step.observation.title || '(untitled)'} ·
        ${step.observation.elements.length} named elements
      </summary>
      <pre class="page">${step.observation.html}</pre>
    </details>
  </li>`;
}

/** How a session ended, in one line. */
export function outcomeLine(trace: Trace): SafeHtml {
  const end = trace.end;
  if (!end) return html`<div class="outcome">No end line: the session was cut off.</div>`;
  return html`<div class="outcome">
    Outcome: ${end.outcome} after ${end.steps} steps in ${(end.duration_ms / 1000).toFixed(1)}
    s${end.order_id ? `, order ${end.order_id}` : ''}${end.error ? html` <span class="error">${end.error}</span>` : null}
  </div>`;
}

/** One session as a collapsible timeline: each step's page, reasoning, action and screenshot. */
export function sessionViewer(trace: Trace, options: ViewerOptions): SafeHtml {
  const h = trace.header;
  const who = h.persona?.id ?? h.user_id ?? 'unknown shopper';
  return html`<details
    class="session"
    id="${domId('session', `${h.source}-${h.session_id}`)}"
    ${options.open ? html` open` : null}
  >
    <summary>
      ${h.session_id} · ${h.source} ·
      ${who}${h.model ? ` · ${h.model}` : ''}${h.variant ? ` · variant ${h.variant}` : ''} ·
      ${trace.end?.outcome ?? 'unfinished'}, ${trace.steps.length}
      steps${options.label ? ` · ${options.label}` : ''}
    </summary>
    <ol class="timeline">
      ${trace.steps.map((s) => stepItem(trace, s, options))}
    </ol>
    ${outcomeLine(trace)}
  </details>`;
}

/** Two sessions next to each other (human vs simulated, arm a vs arm b). */
export function sideBySide(
  titles: [string, string],
  left: SafeHtml | null,
  right: SafeHtml | null,
): SafeHtml {
  const none = html`<p class="note">none</p>`;
  return html`<div class="pair">
    <div>
      <h3>${titles[0]}</h3>
      ${left ?? none}
    </div>
    <div>
      <h3>${titles[1]}</h3>
      ${right ?? none}
    </div>
  </div>`;
}
