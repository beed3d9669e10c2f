import type { ObservedElement } from '../observe/observation.js';

/** The coarse click-target classes human datasets record (OPeRA's `click_type`). */
export const CLICK_TYPES = [
  'search',
  'product_link',
  'product_option',
  'purchase',
  'review',
  'filter',
  'nav_bar',
  'quantity',
  'cart_side_bar',
  'cart_page_select',
  'suggested_term',
  'page_related',
  'other',
] as const;
export type ClickType = (typeof CLICK_TYPES)[number];

/** What the classifier may use of an element besides its name, when the page is known. */
export type ElementHint = Pick<ObservedElement, 'kind' | 'href'> | null | undefined;

interface Rule {
  type: ClickType;
  test: (name: string, tokens: string[], leaf: string) => boolean;
}

const anyToken = (re: RegExp) => (_n: string, tokens: string[]) => tokens.some((t) => re.test(t));

/**
 * Ordered rules over the lowercased semantic name. Order matters: specific controls first
 * (`search_results.item_3.add_to_cart` is a purchase, `search_results.filters.color.red` a filter),
 * containers last (`nav_bar.search_input` is a search, not nav_bar). A product link is recognised
 * by its leaf segment, because container names like `product_form` say nothing about the target.
 * Between the two, the element's href (when the page is known) beats a container name:
 * `header.bag` linking to /cart is a cart click, not a nav_bar click.
 */
const CART_TOKEN = /^(cart|carts|basket|bag)$/;

const RULES: Rule[] = [
  { type: 'purchase', test: (n) => /add_to_cart|buy_now|place_order|purchase/.test(n) },
  { type: 'suggested_term', test: anyToken(/^suggest/) },
  // before review: "filters.customer_rating.4_stars_up" and "sort_by.avg_customer_rating" filter
  { type: 'filter', test: anyToken(/^(filters?|facets?|sort|sorting|refine)$/) },
  { type: 'review', test: anyToken(/^(reviews?|ratings?|stars?)$/) },
  { type: 'quantity', test: anyToken(/^(quantity|qty)$/) },
  {
    type: 'product_option',
    test: anyToken(
      /^(options?|variants?|swatch(es)?|colou?rs?|sizes?|capacity|styles?|materials?|flavou?rs?|patterns?)$/,
    ),
  },
  {
    type: 'cart_side_bar',
    test: (_n, tokens) =>
      tokens.some((t) => CART_TOKEN.test(t)) &&
      tokens.some((t) => /^(side|sidebar|drawer|mini)$/.test(t)),
  },
  // checkout buttons live on the cart page ("order_summary.proceed_to_checkout")
  {
    type: 'cart_page_select',
    test: (_n, tokens, leaf) => tokens.some((t) => CART_TOKEN.test(t)) || leaf.includes('checkout'),
  },
  { type: 'page_related', test: anyToken(/^(pagination|pager|next|prev|previous|page)$/) },
  {
    type: 'product_link',
    test: (_n, _t, leaf) =>
      /^(title_link|title|image_link|image|product_link|product(_\d+)?|item_\d+)$/.test(leaf),
  },
];

/** Container-level rules, tried after the element's link target. */
const CONTAINER_RULES: Rule[] = [
  { type: 'search', test: (n) => n.includes('search') },
  {
    type: 'nav_bar',
    test: (_n, tokens, leaf) =>
      tokens.some((t) => /^(nav|navbar|header|menu|breadcrumbs?)$/.test(t)) ||
      /^(logo|home|home_link)$/.test(leaf),
  },
];

/**
 * Infers a coarse click type from an element's semantic name: element-level rules, then its link
 * target (`/product...` -> product_link, `/cart` -> cart_page_select), then container rules
 * (search, nav_bar), then its kind (a select `option` -> product_option). Else `other`.
 * Used where a dataset has no click_type: simulated steps, and predicted clicks in evaluation.
 */
export function inferClickType(name: string, element?: ElementHint): ClickType {
  const lower = name.toLowerCase();
  const segments = lower.split('.');
  const leaf = segments[segments.length - 1] ?? lower;
  const tokens = lower.split(/[._\-\s]+/).filter(Boolean);
  for (const rule of RULES) {
    if (rule.test(lower, tokens, leaf)) return rule.type;
  }
  const href = element?.href?.toLowerCase() ?? '';
  if (/\/products?(\/|\?|$)|\/item\//.test(href)) return 'product_link';
  if (/\/cart(\/|\?|$)/.test(href)) return 'cart_page_select';
  for (const rule of CONTAINER_RULES) {
    if (rule.test(lower, tokens, leaf)) return rule.type;
  }
  if (element?.kind === 'option') return 'product_option';
  return 'other';
}
