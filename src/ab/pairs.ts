import { sessionSeed } from '../agent/seed.js';
import type { Persona } from '../persona.js';
import { hashSeed, mulberry32 } from '../prng.js';

/** One persona and session index, run once in every arm with the same seed. */
export interface PairJob<P extends { id: string } = Persona> {
  /** "<persona>-<n>": also the session id (and trace file name) in each arm's folder. */
  pairId: string;
  persona: P;
  index: number;
  /** sessionSeed(run seed, persona, index): the same in both arms (common random numbers). */
  seed: number;
  /** Arm indices in the order the pair's sessions are queued, randomized per pair. */
  order: [number, number];
}

/**
 * The (persona, session index) pairs of the run, round-robin over the personas (every persona's
 * first session, then every persona's second, ...), at most `maxPairs` of them. The order in which a
 * pair's two sessions are started is drawn from a PRNG seeded by the run seed and the pair id,
 * so it is reproducible and independent of which other pairs run. Only the personas' ids count
 * (`shopsim merge` plans a sharded run's pairs from the ids in its run.json).
 */
export function planPairs<P extends { id: string }>(
  runSeed: number,
  personas: readonly P[],
  sessions: number,
  maxPairs = Infinity,
): PairJob<P>[] {
  const jobs: PairJob<P>[] = [];
  for (let index = 0; index < sessions; index++) {
    for (const persona of personas) {
      if (jobs.length >= maxPairs) return jobs;
      const pairId = `${persona.id}-${index + 1}`;
      const coin = mulberry32(hashSeed(runSeed, 'ab-arm-order', pairId))();
      jobs.push({
        pairId,
        persona,
        index,
        seed: sessionSeed(runSeed, persona.id, index),
        order: coin < 0.5 ? [0, 1] : [1, 0],
      });
    }
  }
  return jobs;
}
