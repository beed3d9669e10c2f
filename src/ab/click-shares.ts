import type { Trace } from '../traces/schema.js';

/** Clicks on an element name that one arm's pages have and the other arm's never showed. */
export interface ExclusiveClicks {
  arm: string;
  name: string;
  /** Clicks on it in that arm, and that arm's clicks in all. */
  clicks: number;
  armClicks: number;
  share: number;
  /** Sessions of that arm that clicked it at least once. */
  sessions: number;
}

function namesSeen(traces: readonly Trace[]): Set<string> {
  const names = new Set<string>();
  for (const trace of traces) {
    for (const step of trace.steps) for (const e of step.observation.elements) names.add(e.name);
  }
  return names;
}

/**
 * For each arm, the element names its observations contain and the other arm's never did,
 * with the share of that arm's clicks that went to each (names never clicked are listed with 0:
 * a control nobody used is a finding too). Sorted by arm, then by clicks.
 */
export function exclusiveClickShares(
  arms: { name: string; traces: readonly Trace[] }[],
): ExclusiveClicks[] {
  const seen = arms.map((a) => namesSeen(a.traces));
  const rows: ExclusiveClicks[] = [];
  arms.forEach((arm, i) => {
    const others = seen.filter((_, j) => j !== i);
    const exclusive = [...seen[i]!].filter((n) => others.every((o) => !o.has(n)));
    const clicks = new Map<string, number>();
    const sessions = new Map<string, number>();
    let armClicks = 0;
    for (const trace of arm.traces) {
      const clickedHere = new Set<string>();
      for (const step of trace.steps) {
        if (step.action.type !== 'click') continue;
        armClicks++;
        clicks.set(step.action.name, (clicks.get(step.action.name) ?? 0) + 1);
        clickedHere.add(step.action.name);
      }
      for (const n of clickedHere) sessions.set(n, (sessions.get(n) ?? 0) + 1);
    }
    const armRows = exclusive.map((name) => ({
      arm: arm.name,
      name,
      clicks: clicks.get(name) ?? 0,
      armClicks,
      share: armClicks ? (clicks.get(name) ?? 0) / armClicks : 0,
      sessions: sessions.get(name) ?? 0,
    }));
    armRows.sort((a, b) => b.clicks - a.clicks || a.name.localeCompare(b.name));
    rows.push(...armRows);
  });
  return rows;
}
