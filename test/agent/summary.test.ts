import { describe, expect, it } from 'vitest';
import { summarizePersonas, type SessionRecord } from '../../src/agent/summary.js';
import { NO_USAGE } from '../../src/cost/usage.js';
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
