import { describe, expect, it } from 'vitest';
import { meanDifference, pairedBootstrap } from '../../../src/ab/stats/paired-bootstrap.js';
import { pairedDifference } from '../../../src/ab/stats/paired-difference.js';
import { PairRecord } from '../../../src/ab/stats/pairs-schema.js';
import { summarizePairs } from '../../../src/ab/stats/summarize-pairs.js';
import { PairsSummary } from '../../../src/ab/stats/summary-schema.js';
import { UsageError } from '../../../src/errors.js';

type Arm = PairRecord['control'];
const arm = (converted: boolean, cart: boolean, steps: number, orderValue: number | null): Arm => ({
  converted,
  added_to_cart: cart,
  steps,
  order_value: orderValue,
  coupon_used: null,
});
const pair = (pairId: string, persona: string, control: Arm, treatment: Arm): PairRecord => ({
  pairId,
  persona,
  control,
  treatment,
});

// converted: a = {p1, p6}, b = {p4}, c = {p2, p5, p8}, d = {p3, p7}
// added_to_cart: a = {p1, p2, p4, p6, p8}, c = {p3, p5}, d = {p7}
// steps (treatment - control): -2 -5 -2 +4 -9 0 -5 -10 -> mean -29/8 = -3.625
// order_value measured in both arms only in p1 (40, 40) and p6 (20, 22): differences 0 and 2
const PAIRS: PairRecord[] = [
  pair('p1', 'alice', arm(true, true, 12, 40), arm(true, true, 10, 40)),
  pair('p2', 'alice', arm(false, true, 20, null), arm(true, true, 15, 25)),
  pair('p3', 'bob', arm(false, false, 30, null), arm(false, true, 28, null)),
  pair('p4', 'bob', arm(true, true, 14, 60), arm(false, true, 18, null)),
  pair('p5', 'carol', arm(false, false, 25, null), arm(true, true, 16, 30)),
  pair('p6', 'carol', arm(true, true, 9, 20), arm(true, true, 9, 22)),
  pair('p7', 'alice', arm(false, false, 40, null), arm(false, false, 35, null)),
  pair('p8', 'bob', arm(false, true, 22, null), arm(true, true, 12, 55)),
];

describe('summarizePairs', () => {
  const summary = summarizePairs(PAIRS);

  it('lists the primary metric first, the others alphabetically as exploratory', () => {
    expect(summary.pairs).toBe(8);
    expect(summary.personas).toBe(3);
    expect(summary.primary).toBe('converted');
    expect(summary.metrics.map((m) => [m.metric, m.role])).toEqual([
      ['converted', 'primary'],
      ['added_to_cart', 'exploratory'],
      ['order_value', 'exploratory'],
      ['steps', 'exploratory'],
    ]);
    expect(summary.skipped).toEqual(['coupon_used']);
    expect(() => PairsSummary.parse(summary)).not.toThrow();
  });

  it('tests the primary binary metric exactly, with Newcombe interval, sequential and plan', () => {
    const converted = summary.metrics[0]!;
    if (converted.kind !== 'binary') throw new Error('converted should be binary');
    expect(converted.table).toEqual({ a: 2, b: 1, c: 3, d: 2 });
    expect(converted.difference).toBe(0.25); // (3 - 1) / 8
    expect(converted.controlRate).toBe(3 / 8);
    expect(converted.treatmentRate).toBe(5 / 8);
    expect(converted.interval).toEqual(pairedDifference({ a: 2, b: 1, c: 3, d: 2 }).interval);
    // X ~ Binomial(4, 1/2): p = 2 P(X <= 1) = 2 * 5/16; mid-p = 10/16 - P(X = 1) = 6/16.
    expect(converted.mcnemar.pValue).toBeCloseTo(10 / 16, 14);
    expect(converted.mcnemar.midPValue).toBeCloseTo(6 / 16, 14);
    // Discordant pairs in order p2 (c), p4 (b), p5 (c), p8 (c): BF = B(4, 2) * 2^4 = 16/20.
    expect(converted.sequential).toMatchObject({ decided: false, direction: null, b: 1, c: 3 });
    expect(converted.sequential!.logBF).toBeCloseTo(Math.log(0.8), 14);
    // Half the pairs are discordant; 8 pairs cannot detect any difference up to 0.5.
    expect(converted.plan).toEqual({
      discordance: 0.5,
      minimumDetectableDifference: null,
      alpha: 0.05,
      power: 0.8,
    });
  });

  it('gives exploratory binary metrics the test but no sequential decision or plan', () => {
    const cart = summary.metrics[1]!;
    if (cart.kind !== 'binary') throw new Error('added_to_cart should be binary');
    expect(cart.table).toEqual({ a: 5, b: 0, c: 2, d: 1 });
    expect(cart.mcnemar.pValue).toBeCloseTo(0.5, 14); // 2 * (1/2)^2
    expect(cart.sequential).toBeNull();
    expect(cart.plan).toBeNull();
  });

  it('bootstraps numeric metrics over the pairs that measured them in both arms', () => {
    const [, , orderValue, steps] = summary.metrics;
    if (steps?.kind !== 'numeric' || orderValue?.kind !== 'numeric') throw new Error('numeric');
    expect(steps.pairs).toBe(8);
    expect(steps.controlMean).toBe(21.5);
    expect(steps.treatmentMean).toBe(17.875);
    expect(steps.meanDifference).toBe(-3.625);
    const values = PAIRS.map((p) => ({
      control: p.control.steps as number,
      treatment: p.treatment.steps as number,
    }));
    expect(steps.interval).toEqual(
      pairedBootstrap(values, meanDifference, { resamples: 2000, seed: 1 }).interval,
    );
    expect(steps).toMatchObject({ resamples: 2000, seed: 1, level: 0.95 });
    // Two pairs, differences 0 and 2: resample means 0, 1, 2 with chances 1/4, 1/2, 1/4.
    expect(orderValue).toMatchObject({ pairs: 2, meanDifference: 1, interval: [0, 2] });
  });

  it('takes another primary metric and other settings', () => {
    const r = summarizePairs(PAIRS, { primary: 'steps', resamples: 50, seed: 5, level: 0.9 });
    expect(r.metrics.map((m) => m.metric)).toEqual([
      'steps',
      'added_to_cart',
      'converted',
      'order_value',
    ]);
    const converted = r.metrics.find((m) => m.metric === 'converted')!;
    expect(converted).toMatchObject({ role: 'exploratory', sequential: null, level: 0.9 });
    expect(r.metrics[0]).toMatchObject({ role: 'primary', resamples: 50, seed: 5 });
  });

  it('refuses pairs it cannot summarize, saying what to do', () => {
    expect(() => summarizePairs([])).toThrow(UsageError);
    expect(() => summarizePairs([PAIRS[0]!, PAIRS[0]!])).toThrow(/appears twice/);
    expect(() => summarizePairs(PAIRS, { primary: 'revenue' })).toThrow(/choose one of/);
    expect(() => summarizePairs(PAIRS, { primary: 'coupon_used' })).toThrow(/no pair measured/);
    const mixed = pair('p9', 'dan', { converted: true, steps: true }, arm(true, true, 1, 1));
    expect(() => summarizePairs([...PAIRS, mixed])).toThrow(/one type/);
  });
});

describe('PairRecord', () => {
  it('requires converted and accepts only boolean, number or null metrics', () => {
    expect(PairRecord.safeParse(PAIRS[0]).success).toBe(true);
    const noConverted = { ...PAIRS[0], control: { steps: 3 } };
    expect(PairRecord.safeParse(noConverted).success).toBe(false);
    const text = { ...PAIRS[0], treatment: { converted: true, note: 'x' } };
    expect(PairRecord.safeParse(text).success).toBe(false);
  });
});
