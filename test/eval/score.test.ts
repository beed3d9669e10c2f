import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { buildClickTypeLexicon } from '../../src/eval/click-type-lexicon.js';
import { goldOutcome, scoreStep, type GoldStep } from '../../src/eval/score.js';
import type { Observation } from '../../src/observe/observation.js';
import { element } from './trace-builder.js';

const observation: Observation = {
  url: 'http://shop.test/p/1',
  title: 'Product',
  html: '<main></main>',
  elements: [
    element({ name: 'product_form.add_to_cart', text: 'Add to cart' }),
    element({ name: 'main.deal', kind: 'link', text: 'Deal', tag: 'a', href: '/products/9' }),
  ],
};

function gold(action: Action, extra: Partial<GoldStep> = {}): GoldStep {
  return {
    sessionId: 's',
    step: 3,
    gold: action,
    goldClickType: null,
    observation,
    isOutcomeStep: false,
    endOutcome: null,
    ...extra,
  };
}

const lexicon = buildClickTypeLexicon([
  {
    sessionId: 's',
    steps: [
      { action: { type: 'click', name: 'product_form.add_to_cart' }, click_type: 'purchase' },
    ],
  },
]);

describe('goldOutcome', () => {
  it('is purchase for a purchase-labelled click or a click ending a purchase session', () => {
    expect(goldOutcome(gold({ type: 'click', name: 'x' }, { goldClickType: 'purchase' }))).toBe(
      'purchase',
    );
    expect(goldOutcome(gold({ type: 'click', name: 'x' }, { endOutcome: 'purchase' }))).toBe(
      'purchase',
    );
    expect(goldOutcome(gold({ type: 'click', name: 'x' }, { endOutcome: 'max_steps' }))).toBe(
      'terminate',
    );
    expect(goldOutcome(gold({ type: 'terminate' }, { endOutcome: 'purchase' }))).toBe('terminate');
  });
});

describe('scoreStep', () => {
  it('matches text trimmed and case-folded, and never counts an illegal answer', () => {
    const g = gold({ type: 'type_and_submit', name: 'nav_bar.search_input', text: 'Tent' });
    const ok = scoreStep(
      g,
      {
        status: 'ok',
        action: { type: 'type_and_submit', name: 'nav_bar.search_input', text: ' tent ' },
      },
      lexicon,
    );
    expect(ok.correct).toBe(true);
    const illegal = scoreStep(g, { status: 'illegal', action: g.gold }, lexicon);
    expect(illegal.correct).toBe(false);
    expect(illegal.predicted).toEqual(g.gold);
  });

  it('resolves the predicted click type from the lexicon, else the element href', () => {
    const g = gold({ type: 'terminate' });
    expect(
      scoreStep(
        g,
        { status: 'ok', action: { type: 'click', name: 'product_form.add_to_cart' } },
        lexicon,
      ).predictedClickType,
    ).toBe('purchase');
    expect(
      scoreStep(g, { status: 'ok', action: { type: 'click', name: 'main.deal' } }, lexicon)
        .predictedClickType,
    ).toBe('product_link');
    expect(
      scoreStep(g, { status: 'ok', action: { type: 'terminate' } }, lexicon).predictedClickType,
    ).toBeNull();
  });

  it('sets the outcome on the last step only', () => {
    const purchase = gold(
      { type: 'click', name: 'product_form.add_to_cart' },
      { isOutcomeStep: true, goldClickType: 'purchase' },
    );
    expect(scoreStep(purchase, { status: 'ok', action: purchase.gold }, lexicon).outcome).toEqual({
      gold: 'purchase',
      predicted: 'purchase',
    });
    // another control, even one that looks like a purchase, is not the human's purchase
    expect(
      scoreStep(
        purchase,
        { status: 'ok', action: { type: 'click', name: 'main.buy_now' } },
        lexicon,
      ).outcome,
    ).toEqual({ gold: 'purchase', predicted: 'terminate' });
    // gold terminate: a click resolving to purchase is a predicted purchase
    const leave = gold({ type: 'terminate' }, { isOutcomeStep: true });
    expect(
      scoreStep(
        leave,
        { status: 'ok', action: { type: 'click', name: 'product_form.add_to_cart' } },
        lexicon,
      ).outcome,
    ).toEqual({ gold: 'terminate', predicted: 'purchase' });
    expect(scoreStep(leave, { status: 'missing', action: null }, lexicon).outcome).toEqual({
      gold: 'terminate',
      predicted: 'terminate',
    });
    expect(
      scoreStep(
        gold({ type: 'terminate' }),
        { status: 'ok', action: { type: 'terminate' } },
        lexicon,
      ).outcome,
    ).toBeNull();
  });
});
