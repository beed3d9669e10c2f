import { describe, expect, it } from 'vitest';
import {
  accuracy,
  accuracyByActionType,
  accuracyByClickType,
} from '../../../src/eval/metrics/accuracy.js';
import { actionTypeF1 } from '../../../src/eval/metrics/action-type-f1.js';
import { clickTypeF1 } from '../../../src/eval/metrics/click-type-f1.js';
import { actionTypeConfusion } from '../../../src/eval/metrics/confusion.js';
import { computeEvalMetrics } from '../../../src/eval/metrics/index.js';
import { bootstrapInterval, groupBy } from '../../../src/eval/metrics/bootstrap.js';
import type { ScoredStep } from '../../../src/eval/scored-step.js';
import { outcomeF1 } from '../../../src/eval/metrics/outcome.js';
import { errorTaxonomy } from '../../../src/eval/metrics/taxonomy.js';
import { handFixture, step, terminate, click } from '../scored-fixture.js';

// Hand computation for handFixture() (4 sessions, 10 steps):
// correct: A0, A2 -> 2/10.
// action types, gold: click 4, type 4, terminate 2; predicted (valid): click 4, type 3, terminate 1;
// type hits: click 2, type 3, terminate 0.
//   click P=2/4 R=2/4 F1=1/2; type P=3/3 R=3/4 F1=6/7; terminate P=0 R=0 F1=0.
//   macro = (1/2 + 6/7 + 0)/3 = 19/42; weighted = (4*1/2 + 4*6/7)/10 = 19/35.
// click types (gold clicks with click_type): A1 product_link->product_link, A2 purchase->purchase,
//   C0 nav_bar->(terminate, no class), D1 purchase->(missing).
//   product_link F1=1 (s1); purchase P=1 R=1/2 F1=2/3 (s2); nav_bar F1=0 (s1).
//   weighted = (1 + 2*2/3 + 0)/4 = 7/12; macro = 5/9.
// outcome: A (p,p), B (t,t), C (t,t), D (p,t): purchase P=1 R=1/2 F1=2/3; terminate P=2/3 R=1 F1=4/5;
//   weighted = (2*2/3 + 2*4/5)/4 = 11/15.
describe('metrics on the hand-computed fixture', () => {
  const steps = handFixture();

  it('exact-match accuracy, overall and per type', () => {
    expect(accuracy(steps)).toEqual({ correct: 2, total: 10, value: 0.2 });
    expect(
      accuracyByActionType(steps).map((g) => [g.group, g.accuracy.correct, g.accuracy.total]),
    ).toEqual([
      ['click', 1, 4],
      ['type_and_submit', 1, 4],
      ['terminate', 0, 2],
    ]);
    expect(
      accuracyByClickType(steps).map((g) => [g.group, g.accuracy.correct, g.accuracy.total]),
    ).toEqual([
      ['purchase', 1, 2],
      ['nav_bar', 0, 1],
      ['product_link', 0, 1],
    ]);
  });

  it('action-type macro F1', () => {
    const f1 = actionTypeF1(steps);
    expect(f1.macro).toBeCloseTo(19 / 42, 12);
    expect(f1.weighted).toBeCloseTo(19 / 35, 12);
    expect(f1.classes.map((c) => [c.label, c.support, c.predicted, c.truePositives])).toEqual([
      ['click', 4, 4, 2],
      ['type_and_submit', 4, 3, 3],
      ['terminate', 2, 1, 0],
    ]);
  });

  it('click-type weighted F1', () => {
    const f1 = clickTypeF1(steps);
    expect(f1.total).toBe(4);
    expect(f1.weighted).toBeCloseTo(7 / 12, 12);
    expect(f1.macro).toBeCloseTo(5 / 9, 12);
  });

  it('session outcome F1', () => {
    const o = outcomeF1(steps);
    expect(o.sessions).toBe(4);
    expect(o.goldPurchases).toBe(2);
    expect(o.predictedPurchases).toBe(1);
    expect(o.binaryF1).toBeCloseTo(2 / 3, 12);
    expect(o.weightedF1).toBeCloseTo(11 / 15, 12);
  });

  it('error taxonomy: each category once, illegal and missing apart', () => {
    const t = errorTaxonomy(steps);
    expect(t.counts).toEqual({
      didnt_terminate: 1,
      didnt_click: 1,
      didnt_search: 1,
      wrong_keyword: 1,
      wrong_field: 1,
      wrong_target: 1,
      illegal: 1,
      missing: 1,
    });
    expect(t.errors).toBe(8);
    expect(t.validErrors).toBe(6);
    expect(t.shares.wrong_target).toBeCloseTo(1 / 6, 12);
  });

  it('confusion of action types', () => {
    const m = actionTypeConfusion(steps);
    expect(m.click).toEqual({ click: 2, type_and_submit: 0, terminate: 1, illegal: 0, missing: 1 });
    expect(m.type_and_submit).toEqual({
      click: 1,
      type_and_submit: 3,
      terminate: 0,
      illegal: 0,
      missing: 0,
    });
    expect(m.terminate).toEqual({
      click: 1,
      type_and_submit: 0,
      terminate: 0,
      illegal: 1,
      missing: 0,
    });
  });

  it('computeEvalMetrics bundles them with session-bootstrap intervals that contain the estimate', () => {
    const m = computeEvalMetrics(steps, { resamples: 500, seed: 7, level: 0.95 });
    expect(m.sessions).toBe(4);
    expect(m.status).toEqual({ ok: 8, illegal: 1, missing: 1 });
    const [lo, hi] = m.accuracy.interval!;
    expect(lo).toBeLessThanOrEqual(0.2);
    expect(hi).toBeGreaterThanOrEqual(0.2);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    // deterministic for a seed
    expect(computeEvalMetrics(steps, { resamples: 500, seed: 7, level: 0.95 })).toEqual(m);
  });

  it('its fast tally bootstrap equals the plain bootstrap of the full metric functions', () => {
    const options = { resamples: 300, seed: 11, level: 0.95 };
    const m = computeEvalMetrics(steps, options);
    const sessions = groupBy(steps, (s) => s.sessionId);
    const ref = (f: (s: ScoredStep[]) => number | null) => bootstrapInterval(sessions, f, options);
    expect(m.accuracy.interval).toEqual(ref((s) => accuracy(s).value));
    expect(m.actionTypeF1.interval).toEqual(ref((s) => actionTypeF1(s).macro));
    expect(m.clickTypeF1.interval).toEqual(ref((s) => clickTypeF1(s).weighted));
    expect(m.outcome.binaryInterval).toEqual(ref((s) => outcomeF1(s).binaryF1));
    expect(m.outcome.weightedInterval).toEqual(ref((s) => outcomeF1(s).weightedF1));
  });
});

describe('degenerate cases', () => {
  it('no steps at all: every value and interval is undefined (null)', () => {
    const m = computeEvalMetrics([], { resamples: 100, seed: 1, level: 0.95 });
    expect(m.accuracy).toEqual({ correct: 0, total: 0, value: null, interval: null });
    expect(m.actionTypeF1.macro).toBeNull();
    expect(m.clickTypeF1.weighted).toBeNull();
    expect(m.outcome.binaryF1).toBeNull();
    expect(m.outcome.weightedF1).toBeNull();
    expect(m.taxonomy.errors).toBe(0);
    expect(m.taxonomy.shares.wrong_target).toBeNull();
  });

  it('all sessions terminate and the model says so: purchase F1 undefined, weighted F1 1', () => {
    const steps = [
      step('a', 0, terminate, terminate, { correct: true, outcome: ['terminate', 'terminate'] }),
      step('b', 0, terminate, terminate, { correct: true, outcome: ['terminate', 'terminate'] }),
    ];
    const m = computeEvalMetrics(steps, { resamples: 50, seed: 1, level: 0.95 });
    expect(m.outcome.binaryF1).toBeNull();
    expect(m.outcome.binaryInterval).toBeNull();
    expect(m.outcome.weightedF1).toBe(1);
    // only the terminate class exists: macro over one class
    expect(m.actionTypeF1.macro).toBe(1);
    expect(m.actionTypeF1.classes.map((c) => c.label)).toEqual(['terminate']);
  });

  it('no purchases in gold but one predicted: purchase F1 is 0, not undefined', () => {
    const steps = [
      step('a', 0, terminate, click('product_form.buy_now'), {
        predictedClickType: 'purchase',
        outcome: ['terminate', 'purchase'],
      }),
      step('b', 0, terminate, terminate, { correct: true, outcome: ['terminate', 'terminate'] }),
    ];
    const o = outcomeF1(steps);
    expect(o.binaryF1).toBe(0);
    // terminate: P=1/1, R=1/2, F1=2/3; purchase support 0 -> weighted = 2/3
    expect(o.weightedF1).toBeCloseTo(2 / 3, 12);
  });

  it('a single session: the bootstrap interval collapses onto the estimate', () => {
    const steps = [
      step('only', 0, click('x'), click('x'), { correct: true }),
      step('only', 1, terminate, click('y'), { outcome: ['terminate', 'terminate'] }),
    ];
    const m = computeEvalMetrics(steps, { resamples: 100, seed: 3, level: 0.95 });
    expect(m.accuracy.value).toBe(0.5);
    expect(m.accuracy.interval).toEqual([0.5, 0.5]);
  });
});
