/**
 * Seeded randomness for the heuristic shopper. Every decision draws from a generator derived
 * from (seed, persona id, step index, attempt), never from shared mutable state, so the same
 * request always gets the same answer.
 */
import { hashSeed, mulberry32 } from '../../prng.js';

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** The generator for one decision. */
export function stepRng(seed: number, personaId: string, step: number, attempt: number): Rng {
  return mulberry32(hashSeed(seed, personaId, step, attempt));
}

/** The one draw of a step for the design-aware rules; the same in every arm of an A/B pair. */
export function designDraw(seed: number, personaId: string, step: number): number {
  return mulberry32(hashSeed(seed, personaId, step, 'design'))();
}

/** One draw per session (seed, persona) for a trait the persona file does not state. */
export function sessionDraw(seed: number, personaId: string, trait: string): number {
  return mulberry32(hashSeed(seed, personaId, trait))();
}
