/**
 * The arm a visitor sees. One server serves every arm.
 * - a: the control.
 * - b: the redesign: "Buy now" first in a larger, sticky buy box, reviews folded behind a button,
 *   price filters as min/max inputs instead of links.
 * Known-effect variants: a plus one change whose direction usability research agrees on (the
 * sensitivity check `shopsim ab --suite known-effects` runs against a):
 * - buy-below: the buy box moved under the product story, below the first screen.
 * - long-checkout: eight more required checkout fields (confirm email, a billing address, mobile).
 * - late-shipping: the cart hides the shipping cost ("calculated at checkout"); checkout shows it.
 * - no-product-search: product pages have no search box.
 * - faint-cta: the buy box's buttons drawn as faint outlines: small light-grey text, no fill (under
 *   3:1 contrast, under 24 px tall), where a person's eye does not find them.
 */
export const VARIANTS = [
  'a',
  'b',
  'buy-below',
  'long-checkout',
  'late-shipping',
  'no-product-search',
  'faint-cta',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** For messages: the variants this shop serves. */
export const VARIANT_LIST = VARIANTS.join(', ');

export const VARIANT_COOKIE = 'shop_variant';
/** The request header an upstream assigner (a CDN or proxy splitting traffic) may set. */
export const VARIANT_HEADER = 'x-shop-variant';

export function isVariant(value: unknown): value is Variant {
  return (VARIANTS as readonly unknown[]).includes(value);
}

export interface VariantChoice {
  variant: Variant;
  /** The cookie must be (re)written: the arm came from the query or the visitor had none. */
  setCookie: boolean;
}

/**
 * `?variant=` wins (and pins the visitor to that arm), then the `x-shop-variant` header (sent with
 * every request, so no cookie is written), then the visitor's cookie, then the server's default
 * arm for new visitors.
 */
export function chooseVariant(
  queryValue: string | null,
  cookieValue: string | undefined,
  serverDefault: Variant,
  headerValue?: string,
): VariantChoice {
  if (isVariant(queryValue)) return { variant: queryValue, setCookie: queryValue !== cookieValue };
  if (isVariant(headerValue)) return { variant: headerValue, setCookie: false };
  if (isVariant(cookieValue)) return { variant: cookieValue, setCookie: false };
  return { variant: serverDefault, setCookie: true };
}
