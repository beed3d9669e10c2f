import { CATEGORY_SPECS } from './data/index.js';
import { hashSeed, Rng } from './prng.js';
import type { CategorySpec, OptionSpec, TypeSpec } from './spec.js';
import { lowerFirst, slugify, type Catalog, type OptionGroup, type Product } from './types.js';

/** The catalog seed used when none is given. */
export const DEFAULT_SEED = 1;

type Draft = Omit<Product, 'id'>;

/** Builds the whole catalog; a pure function of the seed (same seed, same catalog). */
export function generateCatalog(seed: number = DEFAULT_SEED): Catalog {
  const rng = new Rng(hashSeed('catalog', seed));
  const titles = new Set<string>();
  const drafts: Draft[] = [];
  for (const spec of CATEGORY_SPECS) {
    // Spread products evenly over the category's product types, in random order.
    const typeOrder = rng.shuffle(
      Array.from({ length: spec.count }, (_, i) => spec.types[i % spec.types.length]!),
    );
    for (const type of typeOrder) drafts.push(makeProduct(rng, spec, type, titles));
  }
  const products = rng
    .shuffle(drafts)
    .map((draft, i): Product => ({ id: `p${String(i + 1).padStart(4, '0')}`, ...draft }));
  return {
    seed,
    categories: CATEGORY_SPECS.map(({ slug, name, blurb }) => ({ slug, name, blurb })),
    products,
    byId: new Map(products.map((p) => [p.id, p])),
  };
}

function makeProduct(rng: Rng, spec: CategorySpec, type: TypeSpec, titles: Set<string>): Draft {
  let brand = '';
  let line = '';
  let title = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    brand = rng.pick(spec.brands);
    line = rng.pick(type.lines);
    const model = modelName(rng, type.model);
    const who = type.gendered ? (rng.chance(0.5) ? "Men's " : "Women's ") : '';
    const attrs = rng.sample(type.attrs, rng.int(1, 2)).join(', ');
    title = `${brand} ${line}${model ? ' ' + model : ''} ${who}${type.noun}, ${attrs}`;
    if (!titles.has(title)) break;
  }
  titles.add(title);

  const price = priceCents(rng, type.price[0], type.price[1]);
  const optionGroups = type.options.map((o) => makeGroup(rng, o));
  const unavailable = rng.chance(0.03);
  if (unavailable && optionGroups[0]) for (const o of optionGroups[0].options) o.stock = 0;
  const rating = ratingFor(rng);
  const ratingCount = Math.max(1, Math.floor(Math.exp(rng.float() * Math.log(9000))));
  const written = rng.chance(0.6) ? rng.int(30, 85) : rng.int(3, 29);
  const features = rng.sample(type.features, rng.int(3, 5));
  const stem = title.split(',')[0]!;
  return {
    title,
    brand,
    brandSlug: slugify(brand),
    category: spec.slug,
    categoryName: spec.name,
    productType: type.noun,
    line,
    price,
    listPrice: rng.chance(0.25) ? roundTo99(price * (1.1 + rng.float() * 0.35)) : null,
    rating,
    ratingCount,
    reviewCount: Math.min(ratingCount, written),
    stock: optionGroups.length > 0 ? 0 : unavailable ? 0 : stockLevel(rng),
    features,
    description: `${stem}: made for people who want dependable ${type.noun.toLowerCase()} without fuss. ${features[0]}, and ${lowerFirst(features[1] ?? features[0]!)}.`,
    optionGroups,
    hue: rng.int(0, 359),
  };
}

function modelName(rng: Rng, style: TypeSpec['model']): string {
  switch (style) {
    case 'num':
      return String(rng.int(2, 9));
    case 'code':
      return String(rng.int(1, 9) * 100) + rng.pick(['', '', 'X', ' Pro', ' Max']);
    case 'gen':
      return [rng.pick(['', 'Pro', 'Lite', 'Max']), rng.chance(0.5) ? `Gen ${rng.int(2, 4)}` : '']
        .filter(Boolean)
        .join(' ');
    case 'none':
      return '';
  }
}

function makeGroup(rng: Rng, spec: OptionSpec): OptionGroup {
  const n = Math.min(spec.values.length, rng.int(spec.count[0], spec.count[1]));
  let values: string[];
  if (spec.contiguous) {
    const start = rng.int(0, spec.values.length - n);
    values = spec.values.slice(start, start + n);
  } else {
    const chosen = new Set(rng.sample(spec.values, n));
    values = spec.values.filter((v) => chosen.has(v));
  }
  const options = values.map((value, i) => ({
    value,
    slug: slugify(value),
    stock: rng.chance(0.14) ? 0 : stockLevel(rng),
    priceDelta: (spec.step ?? 0) * i,
  }));
  if (options.every((o) => o.stock === 0)) options[0]!.stock = rng.int(1, 6);
  return { name: spec.name, key: slugify(spec.name), options };
}

function stockLevel(rng: Rng): number {
  return rng.chance(0.2) ? rng.int(1, 4) : rng.int(5, 60);
}

/** Prices cluster at the low end of the range and end in .99, .95, .49 or .00. */
function priceCents(rng: Rng, min: number, max: number): number {
  const dollars = Math.floor(min + (max - min) * Math.pow(rng.float(), 1.6));
  const cents = rng.pick([99, 99, 99, 95, 49, 0]);
  return Math.max(min * 100 - 1, dollars * 100 + cents);
}

function roundTo99(cents: number): number {
  return Math.floor(cents / 100) * 100 + 99;
}

/** Mostly 3.8-4.9 stars, with a tail of disappointing products. */
function ratingFor(rng: Rng): number {
  const raw = rng.chance(0.12) ? 2.4 + rng.float() * 1.3 : 3.8 + rng.float() * 1.15;
  return Math.round(Math.min(5, raw) * 10) / 10;
}
