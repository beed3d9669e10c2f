import { describe, expect, it } from 'vitest';
import { checkedAfterClick, decide, nameOf, persona, request, step } from './heuristic/helpers.js';
import { CART, CHECKOUT, DONE, PRODUCT, UNKNOWN, UNKNOWN_PRODUCT } from './heuristic/pages.js';

const added = step(PRODUCT, { type: 'click', name: nameOf(PRODUCT, /^Add to cart$/, 'button') });
/** The product page again, now saying the cart holds one item. */
const ADDED = { ...PRODUCT, html: PRODUCT.html.replace('Cart (0)', 'Cart (1)') };

describe('heuristic model: cart, checkout, order', () => {
  it('goes to the cart after adding, then to checkout, then places the order', () => {
    const afterAdd = decide(request(persona(), ADDED, [added]));
    expect(afterAdd.action).toEqual({ type: 'click', name: nameOf(PRODUCT, /^Cart/, 'link') });

    const toCart = step(ADDED, afterAdd.action);
    const atCart = decide(request(persona(), CART, [added, toCart]));
    expect(atCart.action).toEqual({ type: 'click', name: nameOf(CART, /^Proceed to checkout$/) });

    const toCheckout = step(CART, atCart.action);
    const atCheckout = decide(request(persona(), CHECKOUT, [added, toCart, toCheckout]));
    expect(atCheckout.action).toEqual({ type: 'click', name: nameOf(CHECKOUT, /^Place order$/) });
    expect(atCheckout.rationale).toMatch(/place the order/);
  });

  it('terminates once the order is confirmed', () => {
    const placed = step(CHECKOUT, { type: 'click', name: nameOf(CHECKOUT, /^Place order$/) });
    const answer = decide(request(persona(), DONE, [added, placed]));
    expect(answer.action).toEqual({ type: 'terminate' });
    expect(answer.rationale).toMatch(/order is placed/);
  });

  it('does not count an "Add to cart" click that changed nothing', () => {
    const answer = decide(request(persona(), PRODUCT, [added]));
    expect(answer.action).not.toEqual({ type: 'click', name: nameOf(PRODUCT, /^Cart/, 'link') });
  });

  it('never places an order above budget', () => {
    const tight = persona({ budget: 80 });
    const answer = decide(request(tight, CHECKOUT, [added]));
    expect(answer.action).toEqual({ type: 'terminate' });
    expect(answer.rationale).toMatch(/\$89\.99.*\$80 budget/);
  });

  it('gives up after its patience runs out', () => {
    const impatient = persona({ shopping_style: { patience: 'low' } });
    const wandering = Array.from({ length: 10 }, () =>
      step(PRODUCT, { type: 'click', name: nameOf(PRODUCT, /^Trail Gaiters$/) }),
    );
    const answer = decide(request(impatient, PRODUCT, wandering));
    expect(answer.action).toEqual({ type: 'terminate' });
    expect(answer.rationale).toMatch(/give up/);
  });
});

describe('heuristic model: an unknown shop', () => {
  it('finds a search box by its placeholder and searches there, not in the newsletter form', () => {
    const lamp = persona({
      intent: 'I am looking for a brass desk lamp for my study.',
      budget: 120,
    });
    const answer = decide(request(lamp, UNKNOWN));
    expect(answer.action).toEqual({
      type: 'type_and_submit',
      name: nameOf(UNKNOWN, /looking for/i, 'text_input'),
      text: 'brass desk lamp',
    });
  });

  it('without a search box, follows a link named like the product', () => {
    const noSearch = {
      ...UNKNOWN,
      elements: UNKNOWN.elements.filter((e) => e.kind !== 'text_input'),
    };
    const answer = decide(request(persona({ intent: 'I need a floor lamp.' }), noSearch));
    expect(answer.action).toEqual({ type: 'click', name: nameOf(UNKNOWN, /^Shop lamps$/) });
  });
});

describe('heuristic model: an unknown shop product page', () => {
  const PAGE = UNKNOWN_PRODUCT;
  const knit = persona({
    intent: 'I want a warm knit jumper for winter.',
    budget: 90,
    background: 'Usually wears size L.',
  });

  it('chooses its size from a select, skipping the placeholder and sold-out sizes', () => {
    const answer = decide(request(knit, PAGE, []));
    expect(answer.action).toEqual({ type: 'click', name: nameOf(PAGE, /^L$/, 'option') });
  });

  it('then uses the page\'s own "Add to basket", not a related product\'s', () => {
    const chose = step(PAGE, { type: 'click', name: nameOf(PAGE, /^L$/, 'option') });
    const sized = checkedAfterClick(PAGE, nameOf(PAGE, /^L$/, 'option'));
    const answer = decide(request(knit, sized, [chose]));
    const own = PAGE.elements.filter((e) => e.text === 'Add to basket');
    expect(own.length).toBe(3);
    expect(answer.action).toEqual({ type: 'click', name: own[0]!.name });
    expect(answer.rationale).toMatch(/\$64/);
  });
});
