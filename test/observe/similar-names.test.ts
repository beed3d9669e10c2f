import { describe, expect, it } from 'vitest';
import { editDistance, similarNames } from '../../src/observe/similar-names.js';

describe('similarNames', () => {
  const names = [
    'nav_bar.search_input',
    'nav_bar.search_button',
    'search_results.item_3.title_link',
    'search_results.item_4.title_link',
    'search_results.item_3.add_to_cart',
    'footer.about',
  ];

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('finds the name a model nearly got right first', () => {
    expect(similarNames('search_results.item_3.title', names)[0]).toBe(
      'search_results.item_3.title_link',
    );
    expect(similarNames('nav_bar.search_box', names).slice(0, 2).sort()).toEqual([
      'nav_bar.search_button',
      'nav_bar.search_input',
    ]);
  });

  it('returns at most the limit, never the wanted name itself, nothing for an empty page', () => {
    expect(similarNames('footer.abot', names)).toHaveLength(3);
    expect(similarNames('footer.about', ['footer.about', 'x'])).toEqual(['x']);
    expect(similarNames('anything', [])).toEqual([]);
  });
});
