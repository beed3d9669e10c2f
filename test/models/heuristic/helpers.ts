import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Action, ModelAnswer } from '../../../src/action.js';
import { decideHeuristic } from '../../../src/models/heuristic.js';
import type { FeedbackEntry } from '../../../src/models/feedback.js';
import type { HistoryStep, PredictRequest } from '../../../src/models/model.js';
import type { Observation } from '../../../src/observe/observation.js';
import { simplifyDocument } from '../../../src/observe/simplify.js';
import { Persona } from '../../../src/persona.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/heuristic');

/** Turns a checked-in HTML fixture into an Observation with the real simplifier on linkedom. */
export function observeFixture(file: string, url: string): Observation {
  const { document } = parseHTML(readFileSync(path.join(FIXTURES, file), 'utf8'));
  return simplifyDocument(document as unknown as Document, { url });
}

type PersonaInput = Partial<Omit<Persona, 'shopping_style'>> & {
  shopping_style?: Partial<Persona['shopping_style']>;
};

/** An inline persona: a runner with a $100 budget unless overridden. */
export function persona(overrides: PersonaInput = {}): Persona {
  return Persona.parse({
    id: 'dana',
    display_name: 'Dana',
    demographics: { age: 34, gender: 'female', income_band: 'middle', location: 'Portland, OR' },
    intent: 'I need a new pair of trail running shoes for weekend hikes, under $100.',
    budget: 100,
    ...overrides,
    shopping_style: {
      patience: 'medium',
      thoroughness: 'low',
      price_sensitivity: 'medium',
      brand_loyalty: 'low',
      ...overrides.shopping_style,
    },
  });
}

export function step(
  observation: Observation,
  action: Action,
  error: string | null = null,
): HistoryStep {
  return { observation, rationale: null, action, error };
}

export function request(
  p: Persona | null,
  observation: Observation,
  history: HistoryStep[] = [],
  feedback: FeedbackEntry[] = [],
): PredictRequest {
  return { persona: p, history, observation, feedback, historyPages: 1 };
}

export function decide(req: PredictRequest, seed = 7): ModelAnswer {
  return decideHeuristic(req, seed);
}

/** The name of the element whose text matches, so tests fail loudly when a fixture changes. */
export function nameOf(observation: Observation, text: RegExp, kind?: string): string {
  const el = observation.elements.find((e) => text.test(e.text) && (!kind || e.kind === kind));
  if (!el) throw new Error(`fixture has no element with text ${text}`);
  return el.name;
}

/** The page as it looks after clicking a radio or option: that element is now checked. */
export function checkedAfterClick(observation: Observation, name: string): Observation {
  return {
    ...observation,
    html: observation.html.replace(`name="${name}"`, `name="${name}" checked`),
    elements: observation.elements.map((e) => (e.name === name ? { ...e, checked: true } : e)),
  };
}
