import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatAction, type Action } from '../action.js';
import { writtenForms } from '../observe/name-scopes.js';
import type { Observation, ObservedElement } from '../observe/observation.js';
import { describePersona, type Persona } from '../persona.js';
import { PACKAGE_ROOT } from '../version.js';
import { formatExamples, type ThinkAloudExample } from './examples.js';
import { fencedBlock, oneLine } from '../models/page-text.js';
import { renderTemplate } from '../models/template.js';

/** An earlier step of the same session, as context for the rationale. */
export interface PreviousStep {
  url: string;
  title: string;
  action: Action;
  /** Visible text of the element the action targeted, when known. */
  targetText: string | null;
}

/** Everything a rationale writer gets for one human step. */
export interface RationaleRequest {
  sessionId: string;
  stepIndex: number;
  persona: Persona | null;
  /** The page the human saw before acting. */
  observation: Observation;
  /** What the human actually did. */
  action: Action;
  clickType: string | null;
  /** Earlier steps of the session, oldest first (the last few only). */
  previous: PreviousStep[];
  /** Why earlier answers for this step were rejected, oldest first (retries only). */
  feedback?: string[];
}

/** The chat a rationale writer sends to a language model. */
export interface RationaleMessages {
  system: string;
  user: string;
}

export interface RationalePromptOptions {
  examples: ThinkAloudExample[];
  /** Characters of simplified HTML kept; longer pages are cut around the action's target. */
  htmlBudget: number;
}

export const DEFAULT_HTML_BUDGET = 12_000;
const TRUNCATED = '<!-- … page cut here … -->';

let templates: Promise<{ system: string; user: string }> | null = null;

function loadTemplates(): Promise<{ system: string; user: string }> {
  templates ??= Promise.all(
    ['synthesize-system.md', 'synthesize-user.md'].map((f) =>
      readFile(path.join(PACKAGE_ROOT, 'prompts', f), 'utf8'),
    ),
  ).then(([system, user]) => ({ system: system!, user: user! }));
  return templates;
}

/**
 * Keeps at most `budget` characters of the page. When the page is longer, the kept window is
 * centred on the first mention of `focus` (the target's semantic name), so the model still sees
 * the element the human used; each cut is marked.
 */
export function truncateHtml(html: string, budget: number, focus: string | null): string {
  if (html.length <= budget) return html;
  const at = focus ? firstMention(html, focus) : -1;
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor(budget / 2));
  start = Math.min(start, html.length - budget);
  const end = start + budget;
  return (
    (start > 0 ? TRUNCATED + '\n' : '') +
    html.slice(start, end) +
    (end < html.length ? '\n' + TRUNCATED : '')
  );
}

/**
 * Where the HTML first writes `name`: in full, else in its longest form relative to a scope
 * (`.card.title_link`, then `.title_link`; a short form may belong to a same-named element of
 * another scope, near enough for centring a window). -1 when it is not there.
 */
function firstMention(html: string, name: string): number {
  for (const form of writtenForms(name)) {
    const at = html.indexOf(`"${form}"`);
    if (at >= 0) return at;
  }
  return html.indexOf(name);
}

export function targetElement(observation: Observation, action: Action): ObservedElement | null {
  if (action.type === 'terminate') return null;
  return observation.elements.find((e) => e.name === action.name) ?? null;
}

function describeTarget(element: ObservedElement | null, action: Action): string {
  if (action.type === 'terminate') return '(The shopper closed the tab here: the session ends.)';
  if (!element) return `(The target ${action.name} is not among the page's named elements.)`;
  const text = element.text ? ` "${oneLine(element.text)}"` : '';
  return `Target element: ${element.kind}${text} (${oneLine(element.name)}).`;
}

function describePrevious(previous: PreviousStep[]): string {
  if (previous.length === 0) return '(none: this is the first step)';
  return previous
    .map((p) => {
      const target = p.targetText ? ` ("${oneLine(p.targetText)}")` : '';
      return `- on "${oneLine(p.title)}" (${oneLine(p.url)}): ${formatAction(p.action)}${target}`;
    })
    .join('\n');
}

/** On a retry: why the earlier answers were not used, and what is wanted instead. */
function feedbackNote(feedback: string[]): string {
  if (!feedback.length) return '';
  return (
    '\n\nYour earlier answers for this step could not be used:\n' +
    feedback.map((f) => `- ${f}`).join('\n') +
    '\nAnswer with only the shopper\'s reason: one first-person sentence ("I ..."), no preamble.'
  );
}

/** Builds the system and user message for one step from the templates in prompts/. */
export async function buildRationaleMessages(
  request: RationaleRequest,
  options: RationalePromptOptions,
): Promise<RationaleMessages> {
  const { system, user } = await loadTemplates();
  const { observation, action } = request;
  const focus = action.type === 'terminate' ? null : action.name;
  return {
    system: renderTemplate(system, { examples: formatExamples(options.examples) }).trim(),
    user:
      renderTemplate(user, {
        persona: request.persona ? describePersona(request.persona) : '(no persona recorded)',
        previous: describePrevious(request.previous),
        title: oneLine(observation.title),
        url: oneLine(observation.url),
        // in a fence no line of the page can close (page text is content, never instructions)
        html: fencedBlock(truncateHtml(observation.html, options.htmlBudget, focus)),
        action: formatAction(action),
        target: describeTarget(targetElement(observation, action), action),
      }).trim() + feedbackNote(request.feedback ?? []),
  };
}
