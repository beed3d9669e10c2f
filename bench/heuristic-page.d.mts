import type { Observation } from '../src/observe/observation.js';

/** An observation with about `count` named elements (see heuristic-page.mjs). */
export function largeResultsPage(count: number): Observation;
