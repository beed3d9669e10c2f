import { describe, expect, it } from 'vitest';
import { inferClickType } from '../../src/eval/click-type.js';
import { buildClickTypeLexicon, resolveClickType } from '../../src/eval/click-type-lexicon.js';

describe('inferClickType', () => {
  it.each([
    ['nav_bar.search_input', 'search'],
    ['nav_bar.search_button', 'search'],
    ['search_results.item_3.title_link', 'product_link'],
    ['search_results.item_3', 'product_link'],
    ['search_results.item_3.add_to_cart', 'purchase'],
    ['product_form.add_to_cart', 'purchase'],
    ['product_form.buy_now', 'purchase'],
    ['checkout.place_order', 'purchase'],
    ['search_results.filters.color.red', 'filter'],
    ['search_results.sort.price_asc', 'filter'],
    ['product_form.options.color.blue', 'product_option'],
    ['product.reviews.item_1', 'review'],
    ['product_form.quantity', 'quantity'],
    ['nav_bar.cart', 'cart_page_select'],
    ['cart.items.item_1.remove', 'cart_page_select'],
    ['cart_drawer.side.checkout', 'cart_side_bar'],
    ['search_results.pagination.next', 'page_related'],
    ['search_box.suggestions.item_2', 'suggested_term'],
    ['nav_bar.logo', 'nav_bar'],
    ['footer.newsletter_email', 'other'],
    // names of the bundled mock shop
    ['results.search_results.p0292.title_link', 'product_link'],
    ['product_form.color.sky_blue', 'product_option'],
    ['product_form.size.10_5', 'product_option'],
    ['filters.customer_rating.4_stars_up', 'filter'],
    ['results.sort_by.avg_customer_rating', 'filter'],
    ['reviews.review_pages.next_reviews', 'review'],
    ['order_summary.proceed_form.proceed_to_checkout', 'cart_page_select'],
    ['site_header.cart', 'cart_page_select'],
    ['site_header.cartwheel', 'nav_bar'],
    ['breadcrumb.home', 'nav_bar'],
    ['categories.home_bedding', 'other'],
    ['product_form.increase_quantity', 'quantity'],
    ['checkout_form.place_order', 'purchase'],
    ['product_form.description_toggle', 'other'],
  ])('%s -> %s', (name, expected) => {
    expect(inferClickType(name)).toBe(expected);
  });

  it('falls back to href and kind when the name says nothing', () => {
    expect(inferClickType('main.card_7', { kind: 'link', href: '/products/42' })).toBe(
      'product_link',
    );
    expect(inferClickType('header.bag', { kind: 'link', href: 'https://x.test/cart' })).toBe(
      'cart_page_select',
    );
    expect(inferClickType('form.size_select.m', { kind: 'option', href: null })).toBe(
      'product_option',
    );
    expect(inferClickType('main.card_7', { kind: 'link', href: '/about' })).toBe('other');
  });
});

describe('click-type lexicon', () => {
  const lexicon = buildClickTypeLexicon([
    {
      sessionId: 's1',
      steps: [
        { action: { type: 'click', name: 'main.big_button' }, click_type: 'purchase' },
        { action: { type: 'click', name: 'main.tile' }, click_type: 'other' },
        { action: { type: 'terminate' }, click_type: null },
      ],
    },
    {
      sessionId: 's2',
      steps: [
        { action: { type: 'click', name: 'main.tile' }, click_type: 'product_link' },
        { action: { type: 'click', name: 'main.tile' }, click_type: 'product_link' },
        { action: { type: 'click', name: 'main.unlabelled' }, click_type: null },
      ],
    },
  ]);

  it('prefers the same session, then the dataset majority, then the name', () => {
    expect(resolveClickType(lexicon, 's1', 'main.tile')).toEqual({
      clickType: 'other',
      source: 'session',
    });
    expect(resolveClickType(lexicon, 's2', 'main.big_button')).toEqual({
      clickType: 'purchase',
      source: 'dataset',
    });
    // dataset majority: product_link (2) over other (1)
    expect(resolveClickType(lexicon, 's3', 'main.tile').clickType).toBe('product_link');
    expect(resolveClickType(lexicon, 's2', 'main.unlabelled')).toEqual({
      clickType: 'other',
      source: 'name',
    });
    expect(resolveClickType(lexicon, 's2', 'nav_bar.search_button').clickType).toBe('search');
  });
});
