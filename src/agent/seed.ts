/** A 32-bit seed for one session, derived from the run seed, the persona and the session number. */
export function sessionSeed(runSeed: number, personaId: string, sessionIndex: number): number {
  let h = 2166136261 ^ runSeed;
  for (const ch of `${personaId}#${sessionIndex}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
