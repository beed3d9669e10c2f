import { describe, expect, it } from 'vitest';
import { DESIGN_PARAMS as P } from '../../../src/models/heuristic/design-params.js';
import { sessionTraits } from '../../../src/models/heuristic/traits.js';
import { decide, nameOf, persona, request, step } from './helpers.js';
import { HOME, PRODUCT, RESULTS } from './pages.js';

const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);
const searchBox = nameOf(HOME, /^search$/i, 'text_input');
const searched = step(HOME, { type: 'type_and_submit', name: searchBox, text: 'trail running shoes' }); // prettier-ignore
const CASCADE = nameOf(RESULTS, /^Cascade Trail Running Shoes$/);
const opened = step(RESULTS, { type: 'click', name: CASCADE });
const SIZE_9 = nameOf(PRODUCT, /^9$/, 'radio');

describe('comparing before buying', () => {
  it('medium-thoroughness shoppers compare in the sessions their draw says, low ones never', () => {
    const medium = persona({ shopping_style: { thoroughness: 'medium' } });
    const comparing = SEEDS.filter((s) => sessionTraits(s, medium.id, medium.shopping_style).compares); // prettier-ignore
    expect(comparing.length).toBeGreaterThan(SEEDS.length * P.compare.share.medium * 0.7);
    expect(comparing.length).toBeLessThan(SEEDS.length * P.compare.share.medium * 1.3);
    for (const seed of SEEDS) {
      const answer = decide(request(medium, PRODUCT, [searched, opened]), seed);
      if (/reviews|buyers/.test(answer.rationale)) continue; // some read the reviews first
      expect(/compare/.test(answer.rationale), `seed ${seed}`).toBe(comparing.includes(seed));
    }
    const hasty = persona(); // thoroughness low
    for (const seed of SEEDS.slice(0, 20))
      expect(decide(request(hasty, PRODUCT, [searched, opened]), seed).action).toEqual({
        type: 'click',
        name: SIZE_9,
      });
  });

  it('goes back to the product it compared with when the results hold nothing better', () => {
    const thorough = persona({ shopping_style: { thoroughness: 'high' } });
    // Cascade seen (and compared away from), City Road seen too: nothing unseen fits any more
    const cascade = step(PRODUCT, { type: 'type_and_submit', name: searchBox, text: 'trail running shoes' }); // prettier-ignore
    const city = step({ ...PRODUCT, url: 'http://shop.test/product/city-road-runner' }, { type: 'click', name: SIZE_9 }); // prettier-ignore
    const seenAll = [cascade, city];
    const answer = decide(request(thorough, RESULTS, [searched, opened, ...seenAll]));
    expect(answer.rationale).toMatch(/Nothing else here beats "[^"]+", so I'll go back to it/);
    expect(answer.action.type).toBe('click');
  });

  it('decides once back from a search that found nothing better, without comparing again', () => {
    const thorough = persona({ shopping_style: { thoroughness: 'high' } });
    // on Cascade, searched again (to compare); the results held nothing better; back on Cascade
    const comparedAway = step(PRODUCT, { type: 'type_and_submit', name: searchBox, text: 'trail running shoes' }); // prettier-ignore
    const wentBack = step(RESULTS, { type: 'click', name: CASCADE });
    const read = [step(PRODUCT, { type: 'click', name: 'reviews' }), step(PRODUCT, { type: 'click', name: 'reviews.next_page' })]; // prettier-ignore
    // the same search typed into an overlay opened over the product page (same url, the
    // product's controls covered)
    const overlay = { ...HOME, url: PRODUCT.url };
    const inOverlay = step(overlay, { type: 'type_and_submit', name: searchBox, text: 'trail running shoes' }); // prettier-ignore
    for (const away of [comparedAway, inOverlay]) {
      const history = [searched, opened, ...read, away, wentBack];
      for (const seed of SEEDS.slice(0, 30)) {
        const answer = decide(request(thorough, PRODUCT, history), seed);
        expect(answer.rationale, `seed ${seed}`).not.toMatch(/compare/);
        expect(answer.action, `seed ${seed}`).toEqual({ type: 'click', name: SIZE_9 });
      }
    }
  });
});
