import type { Observation } from '../observe/observation.js';
import type { Persona } from '../persona.js';
import { oneLine } from '../models/page-text.js';
import { buildPrompt, pageFields } from '../models/prompt.js';
import { loadPromptTemplates, renderTemplate } from '../models/template.js';

/**
 * The turns of a training conversation use the simulator's own prompt templates (prompts/), so a
 * fine-tuned model sees at training time what it sees when it drives the browser: the same
 * system prompt (rules + persona) and the same page layout (URL, title, simplified HTML, named
 * elements). The only difference is the history: in a conversation the earlier steps are the
 * earlier turns, so the user turn says so instead of repeating them.
 */

const FIRST_PAGE = '(This is the first page of your visit.)';
const EARLIER_TURNS = '(Your earlier steps are the previous messages of this conversation.)';

/** The system turn: the simulator's system prompt for this persona. */
export function sftSystemPrompt(persona: Persona | null, firstPage: Observation): string {
  return buildPrompt({
    persona,
    history: [],
    observation: firstPage,
    feedback: [],
    historyPages: 0,
  })[0]!.content;
}

/** A user turn holding the full page, laid out by the simulator's step template. */
export function sftPageTurn(observation: Observation, stepNumber: number): string {
  const t = loadPromptTemplates();
  return renderTemplate(t.step.text, {
    history: stepNumber === 1 ? FIRST_PAGE : EARLIER_TURNS,
    step_number: String(stepNumber),
    ...pageFields(observation),
    feedback: '',
  }).trim();
}

/** A user turn for an older page when the context is capped: only its address and title. */
export function sftPageSummary(observation: Observation, stepNumber: number): string {
  return (
    `## The page you saw (step ${stepNumber})\n\n` +
    `Page: ${oneLine(observation.title)} (${oneLine(observation.url)})\n` +
    '(Full page omitted to keep the conversation short.)'
  );
}

/**
 * For the no-rationale ablation: the answer format the prompts ask for, without the rationale
 * ({"rationale": ..., "action": ...} -> {"action": ...}), so instructions and targets agree.
 */
export function withoutRationaleInstructions(text: string): string {
  return text.replace(/\{"rationale":[^{}\n]*?"action":/g, '{"action":');
}
