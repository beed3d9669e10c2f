/**
 * In-page entry of the simplifier, bundled by script.ts into one self-contained script. Defines
 * `globalThis.__shopsimObserve(options) => Observation` for the live document, and
 * `globalThis.__shopsimIsCovered(el)`: the overlay rule the simplifier applies (covered.ts), for
 * audits that must judge what a person can see by the same rule; and
 * `globalThis.__shopsimMarkSensitive()`: marks the fields a screenshot must mask
 * (src/record/sensitive.ts, the one sensitivity rule).
 */
import type { Observation } from './observation.js';
import type { RecipeLike } from './recipe-match.js';
import { simplifyDocument } from './simplify.js';
import { createCoveredCheck } from './covered.js';
import { createBrowserEnv } from './visibility.js';
import { markSensitive } from '../record/sensitive.js';

export interface InPageOptions {
  recipe?: RecipeLike | null;
}

(globalThis as { __shopsimObserve?: (options?: InPageOptions) => Observation }).__shopsimObserve = (
  options: InPageOptions = {},
): Observation =>
  simplifyDocument(document, {
    recipe: options.recipe ?? null,
    env: createBrowserEnv(window),
    url: location.href,
  });

(globalThis as { __shopsimIsCovered?: (el: Element) => boolean }).__shopsimIsCovered = (
  el: Element,
): boolean => createCoveredCheck(window)(el);

(globalThis as { __shopsimMarkSensitive?: () => number }).__shopsimMarkSensitive = (): number =>
  markSensitive(document);
