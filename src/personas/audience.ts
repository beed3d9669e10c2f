import { UsageError } from '../errors.js';
import type { Persona } from '../persona.js';

/**
 * Reweighting to the audience. Personas fitted from a shop's own sessions (`personas fit`) carry
 * a `weight`, their share of the audience. A rate weighted to the audience is Σ w_p · r_p / Σ w_p
 * over the personas p that measured it: each persona's own rate r_p counted by its share, so
 * every session of p counts w_p / (sessions of p). Weights are renormalised over the personas
 * that ran, so a subset of the cohorts stands for its own part of the audience.
 */

/** Each persona's weight when all carry one; null when none does. A mix is a usage error. */
export function audienceWeights(personas: readonly Persona[]): Map<string, number> | null {
  const weighted = personas.filter((p) => p.weight !== undefined);
  if (weighted.length === 0) return null;
  if (weighted.length < personas.length) {
    const missing = personas.filter((p) => p.weight === undefined).map((p) => p.id);
    throw new UsageError(
      `personas ${weighted.map((p) => p.id).join(', ')} carry a weight but ${missing.join(', ')} ` +
        'do not; give only fitted personas (one `personas fit` folder) or only unweighted ones.',
    );
  }
  if (weighted.every((p) => p.weight === 0)) {
    throw new UsageError('every persona has weight 0; give personas with a share of the audience.');
  }
  return new Map(weighted.map((p) => [p.id, p.weight!]));
}

/**
 * Σ w_p · v_p / Σ w_p over the personas with a value (not null) and a weight above 0; null when
 * there is none.
 */
export function weightedToAudience(
  values: ReadonlyMap<string, number | null>,
  weights: ReadonlyMap<string, number>,
): number | null {
  let sum = 0;
  let mass = 0;
  for (const [persona, value] of values) {
    const w = weights.get(persona) ?? 0;
    if (value === null || w <= 0) continue;
    sum += w * value;
    mass += w;
  }
  return mass > 0 ? sum / mass : null;
}
