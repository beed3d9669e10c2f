import { formatAction } from '../action.js';
import type { Observation, ObservedElement } from '../observe/observation.js';
import { describePersona } from '../persona.js';
import type { ChatMessage } from './chat.js';
import { formatFeedbackEntry } from './feedback.js';
import type { HistoryStep, PredictRequest } from './model.js';
import { loadPromptTemplates, renderTemplate, type PromptTemplates } from './template.js';
import { clip } from '../observe/text.js';
import { fencedBlock, oneLine } from './page-text.js';

export interface PromptOptions {
  /** Templates to use; default: the package's prompts/ directory. */
  templates?: PromptTemplates;
}

const NO_PERSONA =
  'No persona was given: act like a typical online shopper with an everyday errand.';

/**
 * The chat messages for one step, following the protocol: the system turn holds the persona and
 * the rules; the user turn holds the history as (page, rationale, action) — full simplified HTML
 * for the last `historyPages` steps only, URL + title for older ones — then the current page
 * with its named elements, then feedback on rejected answers for this step, if any.
 */
export function buildPrompt(request: PredictRequest, options: PromptOptions = {}): ChatMessage[] {
  const t = options.templates ?? request.templates ?? loadPromptTemplates();
  const system = renderTemplate(t.system.text, {
    persona: request.persona ? describePersona(request.persona) : NO_PERSONA,
  });

  const firstFull = request.history.length - Math.max(0, request.historyPages);
  const history = request.history.length
    ? request.history
        .map((step, i) => renderHistoryStep(t, step, i + 1, i >= firstFull).trim())
        .join('\n\n')
    : '(This is the first page of your visit.)';

  const feedback = request.feedback.length
    ? renderTemplate(t.feedback.text, {
        problems: request.feedback.map((entry) => `- ${formatFeedbackEntry(entry)}`).join('\n'),
      })
    : '';

  const user = renderTemplate(t.step.text, {
    history,
    step_number: String(request.history.length + 1),
    ...pageFields(request.observation),
    feedback,
  });
  return [
    { role: 'system', content: system.trim() },
    { role: 'user', content: user.trim() },
  ];
}

function renderHistoryStep(
  t: PromptTemplates,
  step: HistoryStep,
  number: number,
  full: boolean,
): string {
  const o = pageFields(step.observation);
  const page = full
    ? `URL: ${o.url}\nTitle: ${o.title}\n\n${o.html}\n`
    : `Page: ${o.title} (${o.url})\n`;
  return renderTemplate(t['history-step'].text, {
    number: String(number),
    page,
    rationale: step.rationale?.trim() || '(not recorded)',
    action: formatAction(step.action),
    result: step.error ? `What happened: the action failed: ${oneLine(step.error)}\n` : '',
  });
}

/**
 * A page as the step template shows it, every field delimited so the page cannot break out of
 * its place: the URL and title on one line each, the simplified HTML in a code fence no line of
 * it can close (the fence is part of `html`), the named elements one line each.
 */
export function pageFields(
  observation: Observation,
): Record<'url' | 'title' | 'html' | 'elements', string> {
  return {
    url: oneLine(observation.url),
    title: oneLine(observation.title),
    html: fencedBlock(observation.html),
    elements: formatElements(observation),
  };
}

/** One line per named element: name, kind and state, visible text. */
export function formatElements(observation: Observation): string {
  if (observation.elements.length === 0) return '(none: the only possible action is terminate)';
  return observation.elements.map(formatElement).join('\n');
}

export function formatElement(e: ObservedElement): string {
  const state: string[] = [e.kind];
  if (e.inputType && e.inputType !== e.kind && e.kind !== 'text_input')
    state.push(`type=${oneLine(e.inputType)}`);
  if (e.checked !== null) state.push(e.checked ? 'checked' : 'unchecked');
  if (e.disabled) state.push('disabled');
  const parts = [`- ${oneLine(e.name)} (${state.join(', ')})`];
  const text = clip(oneLine(e.text), 100);
  if (text) parts.push(JSON.stringify(text));
  if (e.value) parts.push(`value=${JSON.stringify(clip(oneLine(e.value), 60))}`);
  return parts.join(' ');
}
