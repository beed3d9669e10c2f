/** The shop's catalog model. All money is integer cents; ids are stable for a given seed. */

export interface ProductOption {
  value: string;
  /** Lower-case id-safe form of the value, e.g. "navy-blue", "256-gb". */
  slug: string;
  /** Units in stock; 0 means this option cannot be bought. */
  stock: number;
  /** Added to the product's base price when chosen (cents, may be 0). */
  priceDelta: number;
}

export interface OptionGroup {
  /** Display name, e.g. "Color", "Size", "Capacity". */
  name: string;
  /** Id-safe key, e.g. "color". */
  key: string;
  options: ProductOption[];
}

export interface Product {
  /** "p0042": stable for a seed, independent of the variant. */
  id: string;
  title: string;
  brand: string;
  brandSlug: string;
  /** Category slug, e.g. "shoes". */
  category: string;
  categoryName: string;
  /** The kind of product, e.g. "Running Shoes". */
  productType: string;
  line: string;
  /** Base price in cents (the cheapest option combination). */
  price: number;
  /** Crossed-out "was" price in cents, or null when not on sale. */
  listPrice: number | null;
  /** Average star rating, one decimal, 1.0-5.0. */
  rating: number;
  /** How many star ratings the product has (more than written reviews). */
  ratingCount: number;
  /** How many written reviews the product page pages through. */
  reviewCount: number;
  /** Units in stock for a product without option groups (with options, each option has its own). */
  stock: number;
  /** "About this item" bullet points. */
  features: string[];
  description: string;
  optionGroups: OptionGroup[];
  /** Hue (0-359) of the placeholder image. */
  hue: number;
}

export interface Review {
  id: string;
  author: string;
  rating: number;
  title: string;
  body: string;
  /** ISO date, yyyy-mm-dd. */
  date: string;
  verified: boolean;
  helpful: number;
  /** The options the reviewer bought, e.g. "Color: Navy, Size: 10". */
  bought: string | null;
}

export interface Category {
  slug: string;
  name: string;
  blurb: string;
}

export interface Catalog {
  seed: number;
  categories: Category[];
  products: Product[];
  byId: Map<string, Product>;
}

/** Lower-case, dash-separated, id-safe: "Navy Blue" -> "navy-blue", "1 TB" -> "1-tb". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Soft and warm" -> "soft and warm", to continue a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
