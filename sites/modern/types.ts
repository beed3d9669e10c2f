/** The JSON shapes the modern shop's API sends to its browser code (shared by server and client). */

/** Money as the page shows it, plus the exact amount in cents. */
export interface MoneyJson {
  cents: number;
  formatted: string;
}

export interface CardJson {
  handle: string;
  title: string;
  brand: string;
  image: string;
  price: MoneyJson;
  compareAt: MoneyJson | null;
  rating: number;
  ratingCount: number;
  /** False when nothing of the product can be bought. */
  available: boolean;
  /** Option summary for the card, e.g. "4 colors". */
  optionsNote: string;
  /** The options the card's quick-add button buys (first in stock of each group); null if sold out. */
  quickAdd: Record<string, string> | null;
}

export interface ListingJson {
  items: CardJson[];
  total: number;
  page: number;
  pageCount: number;
  /** The category the listing is limited to, or null. */
  category: { slug: string; name: string; blurb: string } | null;
  q: string;
}

export interface OptionJson {
  value: string;
  slug: string;
  available: boolean;
  /** Added to the product's price when chosen (cents). */
  priceDelta: number;
  /** "+$20.00" or "". */
  priceNote: string;
}

export interface OptionGroupJson {
  name: string;
  key: string;
  /** Colour groups change the product image. */
  isColor: boolean;
  options: OptionJson[];
}

export interface ReviewJson {
  id: string;
  author: string;
  rating: number;
  title: string;
  body: string;
  date: string;
  verified: boolean;
  bought: string | null;
}

export interface ReviewPageJson {
  reviews: ReviewJson[];
  page: number;
  pageCount: number;
  total: number;
}

export interface ProductJson extends CardJson {
  category: { slug: string; name: string };
  description: string;
  features: string[];
  optionGroups: OptionGroupJson[];
  /** Units of a product without options (with options, availability is per option). */
  stock: number;
  reviews: ReviewPageJson;
}

export interface CartLineJson {
  key: string;
  handle: string;
  title: string;
  image: string;
  /** "Color: Navy, Size: 10", or "". */
  choice: string;
  quantity: number;
  limit: number;
  unitPrice: MoneyJson;
  lineTotal: MoneyJson;
}

export interface CartJson {
  lines: CartLineJson[];
  itemCount: number;
  subtotal: MoneyJson;
  tax: MoneyJson;
  /** Standard shipping for this subtotal (free from a threshold). */
  standardShipping: MoneyJson;
  expressShipping: MoneyJson;
}

/** What the server embeds in the page for the browser code (like Next's __NEXT_DATA__). */
export interface PageDataJson {
  /** Milliseconds after the script starts before buttons respond (late hydration). */
  hydrationDelayMs: number;
  /** Milliseconds after the first page load before the newsletter offer opens. */
  newsletterDelayMs: number;
  /** "Northfold" */
  shopName: string;
  /** The server-rendered page kind; "order" and "404" pages are left as the server sent them. */
  page: string;
}
