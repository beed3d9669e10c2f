/**
 * Seeded randomness for the heuristic shopper. Every decision draws from a generator derived
 * from (seed, persona id, step index, attempt), never from shared mutable state, so the same
 * request always gets the same answer.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** FNV-1a over the parts, 32-bit. */
export function hashParts(parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for behavioural jitter. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator for one decision. */
export function stepRng(seed: number, personaId: string, step: number, attempt: number): Rng {
  return mulberry32(hashParts([seed, personaId, step, attempt]));
}
