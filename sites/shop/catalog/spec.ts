/** The shape of the hand-written category data the generator draws from. */

export interface OptionSpec {
  /** Display name of the group, e.g. "Color". */
  name: string;
  values: readonly string[];
  /** How many of the values one product offers, [min, max]. */
  count: readonly [number, number];
  /** Offer a contiguous run of the values (sizes, capacities) instead of a random subset. */
  contiguous?: boolean;
  /** Cents added per step up the offered values (bigger capacity costs more). */
  step?: number;
}

export interface TypeSpec {
  /** The product noun as it appears in titles, e.g. "Running Shoes". */
  noun: string;
  /** Product line names; a title reads "<brand> <line> <model> <noun>, <attrs>". */
  lines: readonly string[];
  /** How the model designation looks: "3", "700", "Gen 2", or nothing. */
  model: 'num' | 'code' | 'gen' | 'none';
  /** Titles carry "Men's" / "Women's". */
  gendered?: boolean;
  /** Key attributes for the title tail; one or two are picked. */
  attrs: readonly string[];
  /** Base price range in dollars. */
  price: readonly [number, number];
  options: readonly OptionSpec[];
  /** "About this item" bullets; three to five are picked. */
  features: readonly string[];
}

export interface CategorySpec {
  slug: string;
  name: string;
  blurb: string;
  /** How many products of this category the catalog holds. */
  count: number;
  brands: readonly string[];
  types: readonly TypeSpec[];
  /** Review sentences; "{noun}" becomes the lower-case product noun. */
  praise: readonly string[];
  complaints: readonly string[];
}
