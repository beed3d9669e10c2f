import type { Variant } from '../../../sites/shop/state/variant.js';

/** One change to the bundled shop whose direction usability research agrees on. */
export interface KnownEffect {
  /** The bundled shop's variant that makes the change (the control is always variant a). */
  variant: Variant;
  /** The arm's folder name in the suite's run folder. */
  arm: string;
  change: string;
  /** The yes/no metric the change should move. */
  metric: 'converted';
  /** lower / higher: the treatment should be significantly so; none: A/A, no significant difference. */
  expect: 'lower' | 'higher' | 'none';
}

/**
 * The known-effect suite (`shopsim ab --suite known-effects`): each variant against variant a,
 * plus an A/A pair (a against itself) whose primary metric must not come out significant.
 */
export const KNOWN_EFFECTS: readonly KnownEffect[] = [
  {
    variant: 'buy-below',
    arm: 'buy-below',
    change: 'add-to-cart pushed below a long product story',
    metric: 'converted',
    expect: 'lower',
  },
  {
    variant: 'long-checkout',
    arm: 'long-checkout',
    change: 'eight extra required checkout fields',
    metric: 'converted',
    expect: 'lower',
  },
  {
    variant: 'late-shipping',
    arm: 'late-shipping',
    change: 'shipping cost shown only at the last step',
    metric: 'converted',
    expect: 'lower',
  },
  {
    variant: 'no-product-search',
    arm: 'no-product-search',
    change: 'no search box on product pages',
    metric: 'converted',
    expect: 'lower',
  },
  {
    variant: 'faint-cta',
    arm: 'faint-cta',
    change: 'buy buttons drawn as small, faint outlines',
    metric: 'converted',
    expect: 'lower',
  },
  {
    variant: 'a',
    arm: 'a-again',
    change: 'A/A: the control against itself',
    metric: 'converted',
    expect: 'none',
  },
];

export const SUITES = { 'known-effects': KNOWN_EFFECTS } as const;
export type SuiteName = keyof typeof SUITES;
