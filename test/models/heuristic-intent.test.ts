import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/models/heuristic/intent.js';
import { findPrices, findRating } from '../../src/models/heuristic/text.js';
import { orderAmount } from '../../src/models/heuristic/funnel-policy.js';
import { persona } from './heuristic/helpers.js';

const queriesFor = (intent: string): string[] => readIntent(persona({ intent })).queries;

describe('heuristic intent reading', () => {
  it('keeps the product phrase and drops filler, budget phrases and purpose clauses', () => {
    expect(
      queriesFor('I need a new pair of trail running shoes for weekend hikes, under $100.'),
    ).toEqual(['trail running shoes', 'running shoes', 'shoes']);
    expect(queriesFor('Looking for a waterproof hiking jacket under 150 dollars')[0]).toBe(
      'waterproof hiking jacket',
    );
    expect(queriesFor('Buy coffee beans, nothing fancy.')[0]).toBe('coffee beans');
    expect(queriesFor('My old one broke. I want a laptop bag that fits 15 inch laptops.')[0]).toBe(
      'laptop bag',
    );
    expect(queriesFor('Wireless earbuds for the gym.')[0]).toBe('wireless earbuds');
    expect(queriesFor('Buy an ultralight, freestanding backpacking tent for a trip.')[0]).toBe(
      'freestanding backpacking tent',
    );
    expect(queriesFor('Look around for board game ideas; no plan to buy yet.')[0]).toBe(
      'board game',
    );
    expect(queriesFor('Reorder the Barkley & Co. dry dog food her Labrador eats.')[0]).toBe(
      'dry dog food',
    );
    expect(queriesFor('Replace her worn-out trail running shoes with a waterproof pair.')[0]).toBe(
      'trail running shoes',
    );
    expect(queriesFor("Buy an 8 inch chef's knife.")[0]).toBe('chefs knife');
  });

  it('reads size and colour from the intent and background', () => {
    const p = persona({ intent: 'I want a blue rain jacket.', background: 'Wears size M.' });
    const intent = readIntent(p);
    expect(intent.size).toBe('m');
    expect(intent.colors).toEqual(['blue']);
    expect(readIntent(persona({ intent: 'Running shoes in size 10.' })).size).toBe('10');
  });

  it('treats a missing persona as an anonymous browser', () => {
    const intent = readIntent(null);
    expect(intent.goal).toBe('browse');
    expect(intent.queries).toEqual([]);
  });
});

describe('heuristic page text reading', () => {
  it('reads prices in common formats, even glued to a following rating', () => {
    expect(findPrices('$1,299.99 now')).toEqual([1299.99]);
    expect(findPrices('Price: 1.299,99 €')).toEqual([1299.99]);
    expect(findPrices('$59.994.5 out of 5')).toEqual([59.99]);
    expect(findPrices('USD 12 or £7.50')).toEqual([12, 7.5]);
  });

  it('reads ratings as words, fractions or stars', () => {
    expect(findRating('4.5 out of 5 (240 reviews)')).toBe(4.5);
    expect(findRating('Rated 4.2/5')).toBe(4.2);
    expect(findRating('★★★★☆ 1,204')).toBe(4);
    expect(findRating('no stars yet here')).toBeNull();
  });

  it('reads the subtotal before the total', () => {
    expect(orderAmount('Subtotal: $89.99 Shipping: $5.00 Order total: $94.99')).toBe(89.99);
    expect(orderAmount('Total $41.00')).toBe(41);
    expect(
      orderAmount('Items (1) $24.49 Shipping $5.99 Estimated tax $2.02 Order total $32.50'),
    ).toBe(24.49);
    expect(orderAmount('nothing here')).toBeNull();
  });
});
