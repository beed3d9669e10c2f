import { describe, expect, it } from 'vitest';
import {
  audienceRates,
  formatSummaryTable,
  summarizePersonas,
  type SessionRecord,
} from '../../src/agent/summary.js';
import { NO_USAGE, sumUsage } from '../../src/cost/usage.js';
import type { Outcome } from '../../src/traces/schema.js';

const record = (persona: string, outcome: Outcome, steps = 3): SessionRecord => ({
  sessionId: `${persona}-${outcome}`,
  personaId: persona,
  file: 'x.jsonl',
  outcome,
  steps,
  durationMs: 10,
  error: null,
  orderId: null,
  orderConfirmed: null,
  usage: NO_USAGE,
});

describe('summarizePersonas', () => {
  it('leaves sessions stopped by Ctrl-C out of the purchase rate, and counts them apart', () => {
    const [p] = summarizePersonas([
      record('p', 'purchase'),
      record('p', 'terminate'),
      record('p', 'interrupted', 1),
    ]);
    expect(p).toMatchObject({
      sessions: 3,
      purchases: 1,
      purchaseRate: 0.5,
      interrupted: 1,
      errors: 0,
    });
  });
});

describe('rates weighted to the audience', () => {
  const records = [
    // buyers: 3 sessions, 2 purchases, one interrupted (left out); browsers: 4 sessions, none
    record('buyers', 'purchase', 5),
    { ...record('buyers', 'purchase', 7), sessionId: 'b2' },
    record('buyers', 'interrupted', 3),
    ...[1, 2, 3, 4].map((i) => ({ ...record('browsers', 'terminate', 2), sessionId: `w${i}` })),
  ];
  const personas = summarizePersonas(records);
  const weights = new Map([
    ['buyers', 0.1],
    ['browsers', 0.9],
  ]);

  it('weights each persona by its share, whatever its number of sessions', () => {
    const audience = audienceRates(personas, weights);
    // buyers: rate 2/2 = 1, mean steps 5; browsers: rate 0, mean steps 2
    expect(audience.purchaseRate).toBeCloseTo(0.1, 12);
    expect(audience.meanSteps).toBeCloseTo(0.1 * 5 + 0.9 * 2, 12);
  });

  it('adds a labelled row to the summary table, beside the unweighted total', () => {
    const summary = {
      runDir: 'r',
      model: 'heuristic',
      site: 'builtin',
      variant: null,
      sessions: 7,
      purchases: 2,
      confirmedOrders: null,
      errors: 0,
      interrupted: 1,
      notPlaced: 0,
      steps: 23,
      durationMs: 1,
      sessionsPerMinute: 1,
      personas,
      audience: audienceRates(personas, weights),
      usage: sumUsage(records.map((r) => r.usage)),
      records,
    };
    const lines = formatSummaryTable(summary).split('\n');
    expect(lines.at(-2)).toMatch(/^all\s+7\s+29% \(2\)/);
    expect(lines.at(-1)).toMatch(/^weighted to audience\s+10%\s+2\.3/);
    expect(formatSummaryTable({ ...summary, audience: null })).not.toMatch(/weighted/);
  });
});
