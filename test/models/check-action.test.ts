import { describe, expect, it } from 'vitest';
import {
  checkActionOnPage,
  clickableNames,
  suggestedNames,
  typeableNames,
  withFullName,
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

  it('takes a name copied as the HTML writes it in a scope when it ends exactly one name', () => {
    const cart = { type: 'click', name: '.cart_link' } as const;
    expect(withFullName(cart, home)).toEqual({ type: 'click', name: 'nav_bar.cart_link' });
    const full = { type: 'click', name: 'nav_bar.cart_link' } as const;
    expect(withFullName(full, home)).toBe(full);
    // `.link` ends no name on its own; a dotted name that ends several is answered with them
    const ambiguous = home.elements.filter((e) => e.name.endsWith('.title_link')).length;
    expect(ambiguous).toBeGreaterThan(1);
    const titles = { type: 'click', name: '.title_link' } as const;
    expect(withFullName(titles, home)).toBe(titles);
    expect(checkActionOnPage(titles, home)?.message).toMatch(
      new RegExp(
        `"\\.title_link" is how the HTML writes a name inside its scope, and it ends ${ambiguous} names: .*Answer with the full name`,
      ),
    );
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
