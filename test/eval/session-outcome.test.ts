import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { isPurchase } from '../../src/eval/compare/population.js';
import { buildEvalSet } from '../../src/eval/eval-items.js';
import { goldOutcome } from '../../src/eval/score.js';
import { outcomeStepIndex } from '../../src/eval/session-outcome.js';
import { buildTrace, type StepSpec } from './trace-builder.js';

const buy: StepSpec = { action: { type: 'click', name: 'product.buy_now' }, clickType: 'purchase' };
const browse: StepSpec = {
  action: { type: 'click', name: 'home.deals_link' },
  clickType: 'page_related',
};
const leave: StepSpec = { action: { type: 'terminate' } };
const isBuy = (s: { action: Action; click_type: string | null }) => s.click_type === 'purchase';

describe('outcomeStepIndex', () => {
  it('skips terminates logged after a purchase click, nothing else', () => {
    const idx = (steps: StepSpec[]) =>
      outcomeStepIndex(buildTrace('s', 'human', steps, null).steps, isBuy);
    expect(idx([browse, buy, leave])).toBe(1);
    expect(idx([buy, leave, leave])).toBe(0);
    expect(idx([buy])).toBe(0);
    expect(idx([buy, browse, leave])).toBe(2);
    expect(idx([leave])).toBe(0);
    expect(idx([])).toBe(-1);
  });
});

describe('purchase then a logged tab close (OPeRA style)', () => {
  const trace = buildTrace('opera-a', 'human', [browse, buy, leave], 'purchase');

  it('eval judges the outcome at the purchase click, and the session is a purchase', () => {
    const set = buildEvalSet([trace]);
    expect(set.items.map((i) => i.isOutcomeStep)).toEqual([false, true, false]);
    expect(goldOutcome(set.items[1]!)).toBe('purchase');
  });

  it('compare counts it as a purchase even without an end line', () => {
    expect(isPurchase({ ...trace, end: null })).toBe(true);
    expect(isPurchase(buildTrace('b', 'human', [buy, browse, leave], null))).toBe(false);
  });
});
