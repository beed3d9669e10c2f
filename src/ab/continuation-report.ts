import { heading, table } from '../report/markdown.js';
import type { Outcome } from '../traces/schema.js';
import type { ContinuationRow } from './continuation.js';

const OUTCOMES: Outcome[] = ['purchase', 'terminate', 'max_steps', 'error'];

/** Per arm, how the continued sessions ended; and the human sessions' real endings. */
export interface ContinuationTally {
  arm: string;
  sessions: number;
  outcomes: Record<Outcome, number>;
  /** Continued sessions whose ending matches the human's. */
  sameAsHuman: number;
  meanReplayed: number;
}

export function tallyContinuations(
  rows: readonly ContinuationRow[],
  arms: string[],
): ContinuationTally[] {
  const human = {
    arm: 'human (as recorded)',
    sessions: rows.length,
    outcomes: countOutcomes(rows.map((r) => r.humanOutcome)),
    sameAsHuman: rows.length,
    meanReplayed: 0,
  };
  return [
    human,
    ...arms.map((arm) => {
      const runs = rows.flatMap((r) =>
        r.arms.filter((s) => s?.arm === arm).map((s) => ({ s, human: r.humanOutcome })),
      );
      return {
        arm,
        sessions: runs.length,
        outcomes: countOutcomes(runs.map((x) => x.s.outcome)),
        sameAsHuman: runs.filter((x) => x.s.outcome === x.human).length,
        meanReplayed: runs.length ? runs.reduce((n, x) => n + x.s.replayed, 0) / runs.length : 0,
      };
    }),
  ];
}

function countOutcomes(outcomes: (Outcome | null)[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const o of outcomes) if (o) counts[o]++;
  return counts;
}

export function tallyTable(tallies: readonly ContinuationTally[]): string {
  return table(
    ['arm', 'sessions', ...OUTCOMES, 'same ending as human', 'mean steps replayed'],
    tallies.map((t) => [
      t.arm,
      t.sessions,
      ...OUTCOMES.map((o) => t.outcomes[o]),
      t.sameAsHuman,
      t.meanReplayed.toFixed(1),
    ]),
  );
}

/** The continuation sections of ab.md. */
export function continuationMarkdown(
  rows: readonly ContinuationRow[],
  tallies: readonly ContinuationTally[],
): string[] {
  const arms = tallies.slice(1).map((t) => t.arm);
  return [
    'Each human session was replayed on each arm for its first K steps (a step only while the ' +
      "arm's page still had its target), then the model continued.",
    tallyTable(tallies),
    heading(2, 'Sessions'),
    table(
      ['session', 'K', 'human', ...arms.map((a) => `${a} (replayed, ending, steps)`)],
      rows.map((r) => [
        r.sessionId,
        r.prefix,
        `${r.humanOutcome ?? 'cut off'} in ${r.humanSteps}`,
        ...arms.map((a) => {
          const s = r.arms.find((x) => x?.arm === a);
          return s ? `${s.replayed}, ${s.outcome}, ${s.steps}` : 'not run';
        }),
      ]),
    ),
  ];
}
