import type { Action } from '../../action.js';
import type { ObservedElement } from '../../observe/observation.js';
import type { CheckoutProfile } from '../../checkout-profile.js';
import type { Persona } from '../../persona.js';
import type { HistoryStep } from '../model.js';
import type { IntentProfile } from './intent.js';
import type { PageView } from './page.js';
import type { Rng } from './rng.js';
import type { SessionState } from './state.js';
import type { SessionTraits } from './traits.js';

/** Everything one decision is made from. */
export interface Ctx {
  page: PageView;
  intent: IntentProfile;
  state: SessionState;
  style: Persona['shopping_style'];
  rng: Rng;
  /** What the shopper types at checkout. */
  profile: CheckoutProfile;
  /** The pages and actions before this one. */
  history: HistoryStep[];
  /**
   * This step's draw in [0, 1) for the design-aware rules (design.ts): from (seed, persona, step)
   * only, so the same step of two A/B arms draws the same number.
   */
  designDraw: number;
  /** Habits drawn once per session (traits.ts). */
  traits: SessionTraits;
}

/** One decided step: the action and the one-line first-person reason for it. */
export interface Decision {
  rationale: string;
  action: Action;
}

export const click = (el: ObservedElement, rationale: string): Decision => ({
  rationale,
  action: { type: 'click', name: el.name },
});

export const typeInto = (el: ObservedElement, text: string, rationale: string): Decision => ({
  rationale,
  action: { type: 'type_and_submit', name: el.name, text },
});

export const terminate = (rationale: string): Decision => ({
  rationale,
  action: { type: 'terminate' },
});

/** Short product name for rationales. */
export function short(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? t.slice(0, 57).trimEnd() + '...' : t;
}

/** The product words the shopper is after, for rationales. */
export const wanted = (intent: IntentProfile): string => intent.queries[0] ?? 'something';

export const DEFAULT_STYLE: Persona['shopping_style'] = {
  patience: 'medium',
  thoroughness: 'medium',
  price_sensitivity: 'medium',
  brand_loyalty: 'medium',
};
