/** The A/B arm a visitor sees. One server serves both arms. */
export const VARIANTS = ['a', 'b'] as const;
export type Variant = (typeof VARIANTS)[number];

export const VARIANT_COOKIE = 'shop_variant';

export function isVariant(value: unknown): value is Variant {
  return value === 'a' || value === 'b';
}

export interface VariantChoice {
  variant: Variant;
  /** The cookie must be (re)written: the arm came from the query or the visitor had none. */
  setCookie: boolean;
}

/**
 * `?variant=` wins (and pins the visitor to that arm), then the visitor's cookie, then the
 * server's default arm for new visitors.
 */
export function chooseVariant(
  queryValue: string | null,
  cookieValue: string | undefined,
  serverDefault: Variant,
): VariantChoice {
  if (isVariant(queryValue)) return { variant: queryValue, setCookie: queryValue !== cookieValue };
  if (isVariant(cookieValue)) return { variant: cookieValue, setCookie: false };
  return { variant: serverDefault, setCookie: true };
}
