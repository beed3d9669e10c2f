import type { Action } from '../action.js';
import type { Persona } from '../persona.js';
import { hashSeed, mulberry32 } from '../prng.js';
import { clickableNames, typeableNames } from './check-action.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';

const STOPWORDS = new Set(
  'a an and are as at be but by for from i in into is it me my of on or so that the their them then this to want wants with you your today need needs looking some new'.split(
    ' ',
  ),
);

/**
 * Chance level: picks uniformly among every valid action on the page (click any enabled
 * clickable element, type a word of the persona's intent into any text field, or terminate).
 * Deterministic: the same seed, step number and page give the same action.
 */
export class RandomModel implements SimulatorModel {
  readonly id: string;

  constructor(readonly seed: number = 1) {
    this.id = `random:${seed}`;
  }

  async predict(request: PredictRequest): Promise<ModelReply> {
    const step = request.history.length;
    const random = mulberry32(hashSeed(this.seed, step, request.observation.url));
    const words = intentWords(request.persona);
    const actions: Action[] = [
      ...clickableNames(request.observation).map((name): Action => ({ type: 'click', name })),
      ...typeableNames(request.observation).map((name): Action => ({
        type: 'type_and_submit',
        name,
        text: '',
      })),
      { type: 'terminate' },
    ];
    let action = actions[Math.floor(random() * actions.length)]!;
    if (action.type === 'type_and_submit') {
      action = { ...action, text: words[Math.floor(random() * words.length)]! };
    }
    const answer = { rationale: 'Picked at random (chance baseline).', action };
    return { text: JSON.stringify(answer), promptTokens: null, completionTokens: null };
  }

  async close(): Promise<void> {}
}

/** Content words of the persona's intent; a generic word when there is no persona. */
export function intentWords(persona: Persona | null): string[] {
  const words = (persona?.intent ?? '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  return words.length ? [...new Set(words)] : ['sale'];
}
