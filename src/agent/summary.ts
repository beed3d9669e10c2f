import type { CacheSummary } from '../cost/cache-savings.js';
import { weightedToAudience } from '../personas/audience.js';
import { formatTokens, formatUsd, sumUsage, type UsageTotals } from '../cost/usage.js';
import type { Outcome } from '../traces/schema.js';

/** One finished session of a simulation run. */
export interface SessionRecord {
  sessionId: string;
  personaId: string;
  file: string;
  outcome: Outcome;
  steps: number;
  durationMs: number;
  error: string | null;
  orderId: string | null;
  /** Live-site guard: a purchase stopped at the order button (no order placed); why. */
  notPlaced?: string | null;
  /** The shop's order log has this session's order (builtin shop only; null when unknown). */
  orderConfirmed: boolean | null;
  /** Model calls, tokens, latency and cost of the session. */
  usage: UsageTotals;
}

export interface PersonaSummary {
  persona: string;
  sessions: number;
  purchases: number;
  /** Purchases among the sessions that ran to an end of their own (interrupted ones left out). */
  purchaseRate: number;
  meanSteps: number;
  errors: number;
  interrupted: number;
  terminates: number;
  maxSteps: number;
  usage: UsageTotals;
}

/**
 * The run's figures weighted to the audience (src/personas/audience.ts): present when every
 * persona carries a weight. Point estimates only.
 */
export interface AudienceRates {
  /** Σ weight · purchase rate over the personas with a session that ran to its end. */
  purchaseRate: number | null;
  meanSteps: number | null;
}

export interface RunSummary {
  runDir: string;
  model: string;
  site: string;
  variant: string | null;
  sessions: number;
  purchases: number;
  /** Purchases stopped at the order button by the live-site guard (counted in `purchases`). */
  notPlaced: number;
  confirmedOrders: number | null;
  errors: number;
  /** Sessions stopped by Ctrl-C; left out of the rates. */
  interrupted: number;
  steps: number;
  durationMs: number;
  sessionsPerMinute: number;
  /** Model calls, tokens, latency and cost of the whole run. */
  usage: UsageTotals;
  personas: PersonaSummary[];
  /** Rates weighted to the audience when the personas carry weights; null otherwise. */
  audience: AudienceRates | null;
  /** Model answers reused from --cache and the money they saved; absent without --cache. */
  cache?: CacheSummary | null;
  records: SessionRecord[];
}

/** The run's totals over its session records (sorted here by session id). */
export function summarizeRun(
  run: Pick<RunSummary, 'runDir' | 'model' | 'site' | 'variant' | 'durationMs'>,
  records: SessionRecord[],
  weights: ReadonlyMap<string, number> | null,
  cache: RunSummary['cache'] = null,
): RunSummary {
  records.sort((a, b) => a.sessionId.localeCompare(b.sessionId));
  const personas = summarizePersonas(records);
  const count = (o: Outcome) => records.filter((r) => r.outcome === o).length;
  return {
    ...run,
    sessions: records.length,
    purchases: count('purchase'),
    notPlaced: records.filter((r) => r.outcome === 'purchase' && r.notPlaced).length,
    confirmedOrders: null,
    errors: count('error'),
    interrupted: count('interrupted'),
    steps: records.reduce((s, r) => s + r.steps, 0),
    sessionsPerMinute: records.length / (run.durationMs / 60_000),
    usage: sumUsage(records.map((r) => r.usage)),
    personas,
    audience: weights ? audienceRates(personas, weights) : null,
    cache,
    records,
  };
}

export function summarizePersonas(records: SessionRecord[]): PersonaSummary[] {
  const byPersona = new Map<string, SessionRecord[]>();
  for (const r of records) byPersona.set(r.personaId, [...(byPersona.get(r.personaId) ?? []), r]);
  return [...byPersona.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([persona, rs]) => {
      const count = (o: Outcome) => rs.filter((r) => r.outcome === o).length;
      return {
        persona,
        sessions: rs.length,
        purchases: count('purchase'),
        purchaseRate: count('purchase') / Math.max(1, rs.length - count('interrupted')),
        meanSteps: rs.reduce((sum, r) => sum + r.steps, 0) / rs.length,
        errors: count('error'),
        interrupted: count('interrupted'),
        terminates: count('terminate'),
        maxSteps: count('max_steps'),
        usage: sumUsage(rs.map((r) => r.usage)),
      };
    });
}

/** The purchase rate and mean steps weighted by the personas' weights. */
export function audienceRates(
  personas: readonly PersonaSummary[],
  weights: ReadonlyMap<string, number>,
): AudienceRates {
  const ran = (p: PersonaSummary) => p.sessions - p.interrupted > 0;
  return {
    purchaseRate: weightedToAudience(
      new Map(personas.map((p) => [p.persona, ran(p) ? p.purchaseRate : null])),
      weights,
    ),
    meanSteps: weightedToAudience(new Map(personas.map((p) => [p.persona, p.meanSteps])), weights),
  };
}

/** The end-of-run table, one row per persona, a total and (with weights) the audience's rates. */
export function formatSummaryTable(summary: RunSummary): string {
  const header = [
    'persona',
    'sessions',
    'purchase rate',
    'mean steps',
    'terminates',
    'max steps',
    'errors',
    'tokens in/out',
    'model s',
    'cost',
  ];
  const rows = summary.personas.map((p) => [
    p.persona,
    String(p.sessions),
    `${Math.round(p.purchaseRate * 100)}% (${p.purchases})`,
    p.meanSteps.toFixed(1),
    String(p.terminates),
    String(p.maxSteps),
    String(p.errors),
    ...usageCells(p.usage),
  ]);
  const total = summary.records.length;
  rows.push([
    'all',
    String(total),
    `${total ? Math.round((summary.purchases / total) * 100) : 0}% (${summary.purchases})`,
    total ? (summary.steps / total).toFixed(1) : '0.0',
    String(summary.personas.reduce((s, p) => s + p.terminates, 0)),
    String(summary.personas.reduce((s, p) => s + p.maxSteps, 0)),
    String(summary.errors),
    ...usageCells(summary.usage),
  ]);
  if (summary.audience) {
    const { purchaseRate, meanSteps } = summary.audience;
    rows.push([
      'weighted to audience',
      '',
      purchaseRate === null ? 'n/a' : `${Math.round(purchaseRate * 100)}%`,
      meanSteps === null ? 'n/a' : meanSteps.toFixed(1),
      ...Array<string>(header.length - 4).fill(''),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Tokens in/out, seconds waiting for the model, and cost. */
function usageCells(usage: UsageTotals): string[] {
  return [
    `${formatTokens(usage.promptTokens)}/${formatTokens(usage.completionTokens)}`,
    (usage.latencyMs / 1000).toFixed(1),
    formatUsd(usage.costUsd),
  ];
}
