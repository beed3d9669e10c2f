/**
 * Shopping habits a persona file does not state, drawn once per session from (seed, persona): the
 * same in every arm of an A/B pair, so arms differ only where their pages do.
 */
import type { Persona } from '../../persona.js';
import { DESIGN_PARAMS as P } from './design-params.js';
import { sessionDraw } from './rng.js';

export interface SessionTraits {
  /** Search-dominant: back to the search box before opening a related product. */
  searchFirst: boolean;
  /** Looks at one more product before buying one that fits. */
  compares: boolean;
}

export function sessionTraits(
  seed: number,
  personaId: string,
  style: Persona['shopping_style'],
): SessionTraits {
  return {
    searchFirst: sessionDraw(seed, personaId, 'search-dominant') < P.lostSearch.searchDominant,
    compares: sessionDraw(seed, personaId, 'compare') < P.compare.share[style.thoroughness],
  };
}
