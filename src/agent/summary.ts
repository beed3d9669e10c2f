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
  personas: PersonaSummary[];
  records: SessionRecord[];
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
      };
    });
}

/** The end-of-run table, one row per persona and a total. */
export function formatSummaryTable(summary: RunSummary): string {
  const header = [
    'persona',
    'sessions',
    'purchase rate',
    'mean steps',
    'terminates',
    'max steps',
    'errors',
  ];
  const rows = summary.personas.map((p) => [
    p.persona,
    String(p.sessions),
    `${Math.round(p.purchaseRate * 100)}% (${p.purchases})`,
    p.meanSteps.toFixed(1),
    String(p.terminates),
    String(p.maxSteps),
    String(p.errors),
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
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
