import type { ObservedElement } from '../../observe/observation.js';
import { PLACE_ORDER } from '../../guard/orders.js';

/**
 * Generic recognisers for shop controls, written on element kinds, texts, names and hrefs so
 * they work on any shop; the mock shop's names are just one case of them.
 */

/** Name, visible text and href in one lowercase string, "_" and "-" read as spaces. */
export function describe(el: ObservedElement): string {
  return `${el.name} ${el.text} ${el.href ?? ''}`.replace(/[_-]+/g, ' ').toLowerCase();
}

/** The name without its last segment: "search_results.item_3.title_link" -> "search_results.item_3". */
export function parentName(name: string): string {
  const at = name.lastIndexOf('.');
  return at < 0 ? '' : name.slice(0, at);
}

export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

const CLICKABLE = new Set(['link', 'button', 'clickable']);
const isClickable = (el: ObservedElement): boolean => CLICKABLE.has(el.kind);

export const BUY = new RegExp(
  [
    String.raw`\badd(?:ing)? to (?:my |your |the )?(?:shopping )?(?:cart|bag|basket|trolley)\b`,
    String.raw`\bbuy (?:it )?now\b|\badd to order\b`,
    // A few other languages, so an unknown shop abroad still gets a reasonable attempt.
    'in den (?:warenkorb|einkaufswagen)|ajouter au panier|aggiungi al carrello',
    'a(?:ñ|n)adir (?:a la cesta|al carrito)|agregar al carrito|adicionar ao carrinho',
    'in (?:de )?winkelwagen|dodaj do koszyka|lägg i varukorgen|sepete ekle|в корзину',
  ].join('|'),
  'i',
);
const CHECKOUT = /\b(check ?out|proceed)\b/i;
const CART = /\b(cart|basket|bag|trolley)\b/i;
const REVIEW = /\b(reviews?|ratings?)\b/i;
const WRITE_REVIEW = /\b(write|add|leave|submit)\b.*\breview|helpful|report/i;
const NEXT = /^(next( page)?|more|show more|load more|›|»|>|→)$/i;
const NAV_PREFIX =
  /^(nav|nav_bar|navbar|header|top_bar|footer|menu|breadcrumbs?|site_nav|account|mini_cart|cart_side_bar)\b/i;
const SEARCH_WORD = /\b(search|query|find|look ?up|looking for|keywords?)\b|(^|\.)(q|s|k)$/i;
const FORM_FIELD =
  /\b(e ?mail|address|zip|postal|post ?code|city|phone|card|cvv|cvc|expir|coupon|promo|discount|gift|quantity|qty|name|password|user|newsletter|subscribe|state|country)\b/i;

export const inNav = (el: ObservedElement): boolean => NAV_PREFIX.test(el.name);

export function isBuyButton(el: ObservedElement): boolean {
  if (!isClickable(el)) return false;
  return (
    BUY.test(el.text) ||
    /(^|\.|_)(add_to_(shopping_)?(cart|bag|basket|trolley)|buy_now)(_\d+)?$/i.test(el.name)
  );
}

export function isPlaceOrder(el: ObservedElement): boolean {
  if (!isClickable(el)) return false;
  return PLACE_ORDER.test(el.text) || PLACE_ORDER.test(describe(el));
}

/** "Checkout", "Proceed to checkout", "/checkout" links: the step from cart to checkout. */
export function isCheckout(el: ObservedElement): boolean {
  if (!isClickable(el) || isPlaceOrder(el) || isBuyButton(el)) return false;
  return CHECKOUT.test(el.text) || CHECKOUT.test(describe(el));
}

export function isCartLink(el: ObservedElement): boolean {
  if (!isClickable(el) || isBuyButton(el) || isCheckout(el)) return false;
  if (/\b(remove|delete|update|continue shopping|empty|close|hide|dismiss)\b/i.test(el.text))
    return false;
  if (/(^|[._])(close|hide|dismiss)_/i.test(el.name)) return false;
  const shortText = el.text.trim().length <= 30 && CART.test(el.text);
  return (
    shortText ||
    /(^|\.|_)(cart|basket|bag)(_link|_icon|_button)?$/i.test(el.name) ||
    /\/(cart|basket|bag)(\/|$|\?)/i.test(el.href ?? '')
  );
}

export function isReviewControl(el: ObservedElement): boolean {
  if (!isClickable(el) || isBuyButton(el)) return false;
  return (REVIEW.test(el.text) || REVIEW.test(describe(el))) && !WRITE_REVIEW.test(el.text);
}

export function isNextPage(el: ObservedElement): boolean {
  if (!isClickable(el)) return false;
  return NEXT.test(el.text.trim()) || /(^|\.|_)next(_page|_link|_button)?$/i.test(el.name);
}

/** How strongly a text input looks like the site search (0 = not at all). */
export function searchScore(el: ObservedElement): number {
  if (el.kind !== 'text_input') return 0;
  let score = 0;
  if (el.inputType === 'search') score += 3;
  if (SEARCH_WORD.test(el.name.replace(/_/g, ' '))) score += 3;
  if (SEARCH_WORD.test(el.text)) score += 2;
  if (FORM_FIELD.test(`${el.name.replace(/_/g, ' ')} ${el.text}`)) score -= 4;
  if (/^(email|tel|password|number|date|url)$/.test(el.inputType ?? '')) score -= 4;
  return score;
}

const PRODUCT_HREF =
  /\/(products?|dp|gp\/product|p|pd|item|items|itm|listing|shop\/product)\/[^/?#]|[?&](product|product_id|productid|pid|item|item_id|itemid|sku)=[^&#]/i;
/** Links to searches, categories and brand pages are not product pages. */
const LISTING_HREF =
  /\/(search|category|categories|collections?|brands?|c)\/|\/search\b|[?&](q|query|k|s|brand|category|cat|page|sort)=/i;
const LIST_SEGMENT =
  /(result|product|item|listing|card|tile|grid|list|recommend|related|hit|goods)/i;
const TITLE_SEGMENT = /(title|name|link|image|img|thumb|photo|picture)/i;

/** A link to a product detail page: by href pattern, or a title link inside a list item. */
export function isProductLink(el: ObservedElement): boolean {
  if (el.kind !== 'link' && el.kind !== 'clickable') return false;
  if (inNav(el) || isBuyButton(el) || isReviewControl(el)) return false;
  if (el.href && PRODUCT_HREF.test(el.href)) return true;
  if (isCartLink(el) || (el.href && LISTING_HREF.test(el.href))) return false;
  const last = lastSegment(el.name);
  if (/^(title|image|name)_link(_\d+)?$/.test(last) && parentName(el.name)) return true;
  return LIST_SEGMENT.test(parentName(el.name)) && TITLE_SEGMENT.test(last);
}

export function hasProductHref(href: string): boolean {
  return PRODUCT_HREF.test(href);
}

/** A stable key for "the same product" across visits: path plus product-ish query params. */
export function productKey(url: string): string {
  try {
    const u = new URL(url, 'http://x.invalid');
    const keep = [...u.searchParams].filter(([k]) => /^(id|pid|product|item|sku|variant)/i.test(k));
    return (
      u.pathname.replace(/\/+$/, '') +
      (keep.length ? '?' + new URLSearchParams(keep).toString() : '')
    );
  } catch {
    return url;
  }
}
