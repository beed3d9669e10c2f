import type { Trace } from '../traces/schema.js';

/**
 * Why a session tells nothing about its arm: it has no end line (cut off), or it ended in an
 * error or was interrupted. Such a session is neither a conversion nor a non-conversion, so a
 * pair holding one is left out of every paired figure (and of --until-decided), and counted apart.
 * Null for a finished session (purchase, terminate, max_steps).
 */
export function unfinishedReason(trace: Trace): string | null {
  const end = trace.end;
  if (!end) return 'no end line (the session was cut off)';
  if (end.outcome === 'error') return `ended in an error: ${end.error ?? 'no message'}`;
  if (end.outcome === 'interrupted') return 'interrupted (Ctrl-C)';
  return null;
}

/** A pair left out of the statistics, with the arm and the reason. */
export interface UnfinishedPair {
  pairId: string;
  persona: string;
  arm: string;
  reason: string;
}

/** The first unfinished session of a pair (control first), or null when both finished. */
export function unfinishedPair(
  pair: { pairId: string; persona: string },
  arms: readonly [string, string],
  traces: readonly [Trace, Trace],
): UnfinishedPair | null {
  for (const side of [0, 1] as const) {
    const reason = unfinishedReason(traces[side]);
    if (reason) return { pairId: pair.pairId, persona: pair.persona, arm: arms[side], reason };
  }
  return null;
}

/** One sentence on the pairs left out, or null when every pair finished. */
export function unfinishedSentence(unfinished: readonly UnfinishedPair[]): string | null {
  if (unfinished.length === 0) return null;
  const first = unfinished[0]!;
  return (
    `${unfinished.length} pair(s) left out of every figure: a session in them did not finish ` +
    `(first: ${first.pairId} in arm ${first.arm}, ${first.reason}). They count neither as ` +
    'converted nor as not converted; rerun them or look at their traces.'
  );
}
