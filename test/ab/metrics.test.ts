import { describe, expect, it } from 'vitest';
import { exclusiveClickShares } from '../../src/ab/click-shares.js';
import { discordantGroups, firstDivergence } from '../../src/ab/divergence.js';
import { stagesReached } from '../../src/ab/funnel.js';
import { sessionMetrics } from '../../src/ab/metrics.js';
import { step, trace } from './synthetic.js';

const S = 'http://shop.test';

/** Searches, opens a product, buys now, checks out, reaches the order page. */
const buyer = trace(
  'buyer',
  [
    step(0, `${S}/`, 'type_and_submit search_bar.search_input "tent"', {
      after: `${S}/search?q=tent`,
    }),
    step(1, `${S}/search?q=tent`, 'click results.p0001.title', { after: `${S}/product/p0001` }),
    step(2, `${S}/product/p0001`, 'click product_form.buy_now', { after: `${S}/checkout` }),
    step(3, `${S}/checkout`, 'click checkout.place_order', { after: `${S}/order/ORD-1` }),
  ],
  'purchase',
  'ORD-1',
);

/** Looks at the home page twice and leaves. */
const bouncer = trace(
  'bouncer',
  [step(0, `${S}/`, 'click nav.deals', { ok: false }), step(1, `${S}/`, 'terminate')],
  'terminate',
);

describe('session metrics', () => {
  it('reads conversion, add-to-cart, the funnel and revenue from a buying trace', () => {
    const m = sessionMetrics(buyer, new Map([['ORD-1', 129.5]]));
    expect(m).toMatchObject({
      converted: true,
      added_to_cart: true,
      used_search: true,
      reached_product: true,
      reached_cart: true,
      reached_checkout: true,
      first_page_exit: false,
      steps: 4,
      steps_to_purchase: 4,
      seconds_to_purchase: 12,
      revenue: 129.5,
      order_value: 129.5,
    });
  });

  it('marks a first-page exit and leaves revenue unmeasured without an order log', () => {
    const m = sessionMetrics(bouncer, null);
    expect(m).toMatchObject({
      converted: false,
      added_to_cart: false,
      used_search: false,
      first_page_exit: true,
      steps_to_purchase: null,
      revenue: null,
      order_value: null,
    });
    expect(sessionMetrics(bouncer, new Map()).revenue).toBe(0);
  });

  it('does not count a refused add-to-cart click as reaching the cart', () => {
    const steps = [step(0, `${S}/product/p0002`, 'click product_form.add_to_cart', { ok: false })];
    expect(stagesReached(steps, false)).toEqual(new Set(['product']));
    expect(sessionMetrics(trace('x', steps, 'terminate'), null).added_to_cart).toBe(false);
  });
});

describe('discordant pairs', () => {
  it('finds the first step where the actions differ, or where one session stopped', () => {
    expect(firstDivergence(buyer.steps, buyer.steps)).toBeNull();
    expect(firstDivergence(buyer.steps, bouncer.steps)).toBe(0);
    expect(firstDivergence(buyer.steps, buyer.steps.slice(0, 2))).toBe(2);
  });

  it('groups the pairs that differ on a metric by their divergence step, rationales side by side', () => {
    const quitter = trace(
      'quitter',
      [
        ...buyer.steps.slice(0, 2),
        step(2, `${S}/product/p0001`, 'terminate', { rationale: 'too dear' }),
      ],
      'terminate',
    );
    const pair = (id: string, c: typeof buyer, t: typeof buyer) => ({
      pairId: id,
      persona: 'p',
      control: { trace: c, metrics: sessionMetrics(c, null) },
      treatment: { trace: t, metrics: sessionMetrics(t, null) },
    });
    const groups = discordantGroups(
      [pair('p-1', buyer, quitter), pair('p-2', bouncer, buyer), pair('p-3', buyer, buyer)],
      ['converted'],
    );
    expect(groups.map((g) => [g.step, g.pairs.map((p) => p.pairId)])).toEqual([
      [0, ['p-2']],
      [2, ['p-1']],
    ]);
    const p1 = groups[1]!.pairs[0]!;
    expect(p1.favours).toBe('control');
    expect(p1.control).toMatchObject({
      action: 'click product_form.buy_now',
      rationale: 'reason 2',
      outcome: 'purchase',
    });
    expect(p1.treatment).toMatchObject({
      action: 'terminate',
      rationale: 'too dear',
      outcome: 'terminate',
    });
    expect(groups[0]!.pairs[0]!.favours).toBe('treatment');
  });
});

describe('clicks on elements only one arm has', () => {
  it('lists names one arm showed and the other never did, with their click shares', () => {
    const a = trace(
      'a',
      [
        step(0, `${S}/`, 'click filters.price.under_25', {
          names: ['filters.price.under_25', 'nav.cart'],
        }),
        step(1, `${S}/`, 'click nav.cart', { names: ['nav.cart'] }),
      ],
      'terminate',
    );
    const b = trace(
      'b',
      [step(0, `${S}/`, 'click nav.cart', { names: ['nav.cart', 'reviews.show'] })],
      'terminate',
    );
    expect(
      exclusiveClickShares([
        { name: 'a', traces: [a] },
        { name: 'b', traces: [b] },
      ]),
    ).toEqual([
      {
        arm: 'a',
        name: 'filters.price.under_25',
        clicks: 1,
        armClicks: 2,
        share: 0.5,
        sessions: 1,
      },
      { arm: 'b', name: 'reviews.show', clicks: 0, armClicks: 1, share: 0, sessions: 0 },
    ]);
  });
});
