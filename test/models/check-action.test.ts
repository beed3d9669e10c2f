import { describe, expect, it } from 'vitest';
import {
  checkActionOnPage,
  clickableNames,
  suggestedNames,
  typeableNames,
} from '../../src/models/check-action.js';
import { loadObservation } from '../support/model-fixtures.js';

const home = loadObservation('home-page');

describe('checkActionOnPage', () => {
  it('accepts valid actions', () => {
    expect(checkActionOnPage({ type: 'terminate' }, home)).toBeNull();
    expect(checkActionOnPage({ type: 'click', name: 'nav_bar.cart_link' }, home)).toBeNull();
    expect(
      checkActionOnPage({ type: 'type_and_submit', name: 'nav_bar.search_input', text: 'a' }, home),
    ).toBeNull();
  });

  it('names unknown elements and suggests similar ones', () => {
    const problem = checkActionOnPage({ type: 'click', name: 'nav.cart_link' }, home);
    expect(problem?.message).toMatch(
      /no element named "nav\.cart_link".*similar names: nav_bar\.cart_link/,
    );
    expect(problem?.rejectedName).toBe('nav.cart_link');
  });

  it('in protocol mode (evaluation) only checks that the name exists', () => {
    const click = { type: 'click', name: 'nav_bar.search_input' } as const;
    expect(checkActionOnPage(click, home)?.message).toMatch(/text field/);
    expect(checkActionOnPage(click, home, { legality: 'protocol' })).toBeNull();
    const disabled = { type: 'click', name: 'newsletter.subscribe' } as const;
    expect(checkActionOnPage(disabled, home, { legality: 'protocol' })).toBeNull();
    const absent = { type: 'click', name: 'nav_bar.nope' } as const;
    expect(checkActionOnPage(absent, home, { legality: 'protocol' })?.message).toMatch(
      /no element named/,
    );
  });

  it('splits names into clickable and typeable, without disabled ones', () => {
    expect(typeableNames(home)).toEqual(['nav_bar.search_input', 'feedback.comment']);
    expect(clickableNames(home)).not.toContain('newsletter.subscribe');
    expect(clickableNames(home)).not.toContain('nav_bar.search_input');
    expect(clickableNames(home)).toContain('featured.item_2.title_link');
  });

  it('ranks similar names by last segment and prefix', () => {
    const names = ['a.b.title_link', 'x.y.title_link', 'a.b.price', 'zzz'];
    expect(suggestedNames('a.b.title', names)).toEqual(['a.b.title_link']);
    expect(suggestedNames('q.title_link', names).slice(0, 2).sort()).toEqual([
      'a.b.title_link',
      'x.y.title_link',
    ]);
    expect(suggestedNames('nothing', names)).toEqual([]);
  });
});
