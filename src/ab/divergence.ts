import { actionsEqual, formatAction } from '../action.js';
import type { Trace, TraceStep } from '../traces/schema.js';

/**
 * The first step index where the two sessions of a pair took different actions; when one is a
 * prefix of the other, the length of the shorter (the step one took and the other never did).
 * null when both took exactly the same actions.
 */
export function firstDivergence(a: readonly TraceStep[], b: readonly TraceStep[]): number | null {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (!actionsEqual(a[i]!.action, b[i]!.action)) return i;
  }
  return a.length === b.length ? null : shared;
}

/** One arm's side of a diverging step. */
export interface DivergenceSide {
  url: string | null;
  action: string | null;
  rationale: string | null;
  outcome: string | null;
}

/** A discordant pair: same persona and seed, different outcome on one metric. */
export interface DiscordantPair {
  pairId: string;
  persona: string;
  /** Which arm had the metric true. */
  favours: 'control' | 'treatment';
  step: number | null;
  control: DivergenceSide;
  treatment: DivergenceSide;
}

/** Discordant pairs of one binary metric, grouped by the step where the sessions diverged. */
export interface DiscordantGroup {
  metric: string;
  /** First diverging step index; null: the actions were identical (the difference is elsewhere). */
  step: number | null;
  pairs: DiscordantPair[];
}

/** What discordantGroups needs of a pair. */
export interface TracedPair {
  pairId: string;
  persona: string;
  control: { trace: Trace; metrics: Record<string, boolean | number | null> };
  treatment: { trace: Trace; metrics: Record<string, boolean | number | null> };
}

function side(trace: Trace, step: number | null): DivergenceSide {
  const taken = step === null ? undefined : trace.steps[step];
  return {
    url: taken?.url ?? null,
    action: taken ? formatAction(taken.action) : null,
    rationale: taken?.rationale ?? null,
    outcome: trace.end?.outcome ?? null,
  };
}

/** For each binary metric, its discordant pairs grouped by first divergence step (earliest first). */
export function discordantGroups(
  pairs: readonly TracedPair[],
  metrics: readonly string[],
): DiscordantGroup[] {
  const groups: DiscordantGroup[] = [];
  for (const metric of metrics) {
    const byStep = new Map<number | null, DiscordantPair[]>();
    for (const pair of pairs) {
      const c = pair.control.metrics[metric];
      const t = pair.treatment.metrics[metric];
      if (typeof c !== 'boolean' || typeof t !== 'boolean' || c === t) continue;
      const step = firstDivergence(pair.control.trace.steps, pair.treatment.trace.steps);
      const entry: DiscordantPair = {
        pairId: pair.pairId,
        persona: pair.persona,
        favours: t ? 'treatment' : 'control',
        step,
        control: side(pair.control.trace, step),
        treatment: side(pair.treatment.trace, step),
      };
      byStep.set(step, [...(byStep.get(step) ?? []), entry]);
    }
    const steps = [...byStep.keys()].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
    for (const step of steps) groups.push({ metric, step, pairs: byStep.get(step)! });
  }
  return groups;
}
