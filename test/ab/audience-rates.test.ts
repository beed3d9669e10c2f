import { describe, expect, it } from 'vitest';
import { audienceRows } from '../../src/ab/audience-rates.js';
import { audienceMarkdown } from '../../src/ab/audience-markdown.js';
import { sessionMetrics, type SessionMetrics } from '../../src/ab/metrics.js';
import { step, trace } from './synthetic.js';

const S = 'http://shop.test';

/** A converting session of `n` steps, or a session leaving after `n` steps. */
function metrics(converts: boolean, n = 2): SessionMetrics {
  const steps = Array.from({ length: n }, (_, i) =>
    i === n - 1 && converts
      ? step(i, `${S}/checkout`, 'click checkout.place_order', { after: `${S}/order/1` })
      : step(i, `${S}/`, i === n - 1 ? 'terminate' : 'click nav.deals'),
  );
  return sessionMetrics(trace('t', steps, converts ? 'purchase' : 'terminate'), null);
}

const pair = (persona: string, control: boolean, treatment: boolean) => ({
  persona,
  control: { metrics: metrics(control) },
  treatment: { metrics: metrics(treatment, treatment ? 4 : 2) },
});

describe('A/B metrics weighted to the audience', () => {
  // "buyers" (weight 0.25): 4 pairs, control converts 2, treatment 4.
  // "browsers" (weight 0.75): 1 pair, neither converts.
  const pairs = [
    pair('buyers', true, true),
    pair('buyers', true, true),
    pair('buyers', false, true),
    pair('buyers', false, true),
    pair('browsers', false, false),
  ];
  const weights = new Map([
    ['buyers', 0.25],
    ['browsers', 0.75],
  ]);
  const rows = audienceRows(pairs, weights);
  const row = (metric: string) => rows.find((r) => r.metric === metric)!;

  it('counts each persona by its weight, not by its number of pairs', () => {
    // unweighted: control 2/5 = 40%, treatment 4/5 = 80%; weighted: 0.25·0.5 = 12.5%, 0.25·1 = 25%
    expect(row('converted')).toMatchObject({ kind: 'binary', personas: 2 });
    expect(row('converted').control).toBeCloseTo(0.125, 12);
    expect(row('converted').treatment).toBeCloseTo(0.25, 12);
    expect(row('converted').difference).toBeCloseTo(0.125, 12);
  });

  it('averages numbers over each persona pairs measured in both arms', () => {
    // steps: buyers control 2, treatment 4; browsers 2 and 2 → treatment 0.25·4 + 0.75·2
    expect(row('steps').treatment).toBeCloseTo(2.5, 12);
    // steps to purchase: only pairs converting in both arms (buyers' first two) measure it
    expect(row('steps_to_purchase')).toMatchObject({ personas: 1, control: 2, treatment: 4 });
    // revenue is not measured without an order log: no row
    expect(rows.map((r) => r.metric)).not.toContain('revenue');
  });

  it('is written to ab.md under its own label, saying the tests stay unweighted', () => {
    const text = audienceMarkdown(rows).join('\n');
    expect(text).toMatch(/## Weighted to audience/);
    expect(text).toMatch(/Point estimates only/);
    expect(text).toMatch(/\| converted \| 2 \| 12\.5% \| 25\.0% \| 12\.5% \|/);
    expect(audienceMarkdown(null)).toEqual([]);
  });
});
