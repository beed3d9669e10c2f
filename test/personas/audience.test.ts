import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { Persona } from '../../src/persona.js';
import { audienceWeights, weightedToAudience } from '../../src/personas/audience.js';

const persona = (id: string, weight?: number): Persona => ({
  id,
  display_name: id,
  demographics: { age: 30, gender: 'female', income_band: 'middle', location: 'X' },
  shopping_style: {
    patience: 'low',
    thoroughness: 'low',
    price_sensitivity: 'low',
    brand_loyalty: 'low',
  },
  intent: 'Buy.',
  goal: 'buy',
  budget: null,
  preferred_brands: [],
  background: '',
  ...(weight === undefined ? {} : { weight }),
});

describe('audienceWeights', () => {
  it('none without weights; every weight when all carry one', () => {
    expect(audienceWeights([persona('a'), persona('b')])).toBeNull();
    expect(audienceWeights([persona('a', 0.75), persona('b', 0.25)])).toEqual(
      new Map([
        ['a', 0.75],
        ['b', 0.25],
      ]),
    );
  });

  it('refuses a mix of weighted and unweighted personas, naming them', () => {
    const mix = () => audienceWeights([persona('a', 0.5), persona('b')]);
    expect(mix).toThrow(UsageError);
    expect(mix).toThrow(/personas a carry a weight but b do not/);
  });
});

describe('weightedToAudience', () => {
  const weights = new Map([
    ['buyers', 0.2],
    ['browsers', 0.8],
  ]);

  it('counts each persona by its weight, not by its number of sessions', () => {
    // buyers bought 90%, browsers 10%: the audience buys 0.2·0.9 + 0.8·0.1 = 26%
    const rates = new Map([
      ['buyers', 0.9],
      ['browsers', 0.1],
    ]);
    expect(weightedToAudience(rates, weights)).toBeCloseTo(0.26, 12);
  });

  it('renormalises over the personas with a value; null without any', () => {
    expect(
      weightedToAudience(
        new Map([
          ['buyers', 0.9],
          ['browsers', null],
        ]),
        weights,
      ),
    ).toBeCloseTo(0.9, 12);
    expect(weightedToAudience(new Map([['browsers', null]]), weights)).toBeNull();
  });
});
