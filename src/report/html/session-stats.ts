import { FUNNEL_STAGES, stagesReached, type FunnelStage } from '../../ab/funnel.js';
import { priceOf, type PriceTable } from '../../cost/prices.js';
import { sumUsage, traceUsage, type UsageTotals } from '../../cost/usage.js';
import type { Trace } from '../../traces/schema.js';

/** What the report charts and tables of one session. */
export interface SessionStats {
  trace: Trace;
  group: string;
  outcome: string;
  steps: number;
  seconds: number | null;
  usage: UsageTotals;
  stages: Set<FunnelStage>;
}

/** The persona id, else the human user id: how sessions are grouped in the tables. */
export function shopperOf(trace: Trace): string {
  return trace.header.persona?.id ?? trace.header.user_id ?? 'unknown';
}

export function sessionStats(trace: Trace, prices: PriceTable): SessionStats {
  const purchased = trace.end?.outcome === 'purchase';
  return {
    trace,
    group: shopperOf(trace),
    outcome: trace.end?.outcome ?? 'unfinished',
    steps: trace.steps.length,
    seconds: trace.end ? trace.end.duration_ms / 1000 : null,
    usage: traceUsage(trace.steps, trace.header.model ? priceOf(trace.header.model, prices) : null),
    stages: stagesReached(trace.steps, purchased),
  };
}

/** Rows for the outcome chart: sessions by group and outcome. */
export function outcomeRows(stats: readonly SessionStats[], group = (s: SessionStats) => s.group) {
  const counts = new Map<string, number>();
  for (const s of stats) {
    const key = `${group(s)}\n${s.outcome}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, sessions]) => {
    const [g, outcome] = key.split('\n') as [string, string];
    return { group: g, outcome, sessions };
  });
}

/** Rows for the funnel chart: the share of each group's sessions reaching each stage. */
export function funnelRows(stats: readonly SessionStats[], group: (s: SessionStats) => string) {
  const groups = [...new Set(stats.map(group))];
  return groups.flatMap((g) => {
    const members = stats.filter((s) => group(s) === g);
    return FUNNEL_STAGES.map((stage, order) => ({
      group: g,
      stage,
      order,
      share: members.filter((s) => s.stages.has(stage)).length / Math.max(1, members.length),
    }));
  });
}

/** Per-group totals for the sessions table. */
export function groupTotals(stats: readonly SessionStats[]) {
  const groups = [...new Set(stats.map((s) => s.group))].sort();
  return groups.map((group) =>
    totalsOf(
      group,
      stats.filter((s) => s.group === group),
    ),
  );
}

export function totalsOf(label: string, members: readonly SessionStats[]) {
  const count = (o: string) => members.filter((s) => s.outcome === o).length;
  const ended = members.length - count('interrupted') - count('unfinished');
  const usage = sumUsage(members.map((s) => s.usage));
  return {
    label,
    sessions: members.length,
    purchases: count('purchase'),
    purchaseRate: ended > 0 ? count('purchase') / ended : null,
    meanSteps: members.length ? members.reduce((n, s) => n + s.steps, 0) / members.length : 0,
    terminates: count('terminate'),
    maxSteps: count('max_steps'),
    errors: count('error'),
    usage,
  };
}
