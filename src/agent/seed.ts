import { hashSeed } from '../prng.js';

/** A 32-bit seed for one session, derived from the run seed, the persona and the session number. */
export function sessionSeed(runSeed: number, personaId: string, sessionIndex: number): number {
  return hashSeed(runSeed, personaId, sessionIndex);
}
