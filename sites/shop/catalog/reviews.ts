import { CATEGORY_SPECS } from './data/index.js';
import { hashSeed, Rng } from './prng.js';
import { lowerFirst, type Product, type Review } from './types.js';

const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Olivia',
  'Mateo',
  'Priya',
  'Liam',
  'Sofia',
  'Noah',
  'Yuki',
  'Emma',
  'Kwame',
  'Hannah',
  'Diego',
  'Fatima',
  'Lucas',
  'Grace',
  'Omar',
  'Chloe',
  'Ravi',
  'Isabella',
  'Ethan',
  'Amara',
  'Jonas',
  'Mia',
  'Tariq',
  'Zoe',
  'Sam',
  'Leila',
];
const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

const TITLES: Record<number, readonly string[]> = {
  5: [
    'Absolutely love it',
    'Exceeded my expectations',
    'Best purchase this year',
    'Five stars, no regrets',
    'Just perfect',
  ],
  4: [
    'Very good, minor quibbles',
    'Really solid',
    'Great value',
    'Happy with it',
    'Almost perfect',
  ],
  3: ["It's okay", 'Decent but not great', 'Mixed feelings', 'Does the job', 'Average at best'],
  2: ['Disappointed', 'Not as described', 'Expected better', 'Meh'],
  1: ['Returned it', 'Do not buy', 'Fell apart quickly', 'Waste of money'],
};

const OPENERS: Record<number, readonly string[]> = {
  5: [
    "I've been using this {noun} every day for {n} weeks now and it's fantastic.",
    'Bought {this} {noun} after a lot of research and I am so glad I did.',
    'Second {brand} purchase and once again they delivered.',
  ],
  4: [
    'Overall a very good {noun}.',
    "I've had this for {n} weeks and mostly love it.",
    'Good {noun} for the money.',
  ],
  3: [
    '{This} {noun} {is} fine, nothing special.',
    'Some things I like, some I do not.',
    "After {n} weeks I'm on the fence.",
  ],
  2: ['I wanted to like {this} {noun}.', 'Not great, to be honest.', 'Expected more from {brand}.'],
  1: [
    'Very unhappy with {this} {noun}.',
    'Do yourself a favour and skip this one.',
    'It stopped working after {n} weeks.',
  ],
};

const CLOSERS: Record<number, readonly string[]> = {
  5: ['Highly recommend!', 'Would buy again in a heartbeat.', 'Worth every penny.'],
  4: ['Would recommend.', 'Still a good buy.', 'Four stars only because of that.'],
  3: ['Might look elsewhere next time.', 'It does the job.', ''],
  2: ['Probably returning it.', 'Not worth the price.', ''],
  1: ['Sent it back for a refund.', 'Avoid.', ''],
};

/** Reviews are dated back from this fixed day, so they never depend on the clock. */
const LATEST = Date.UTC(2025, 5, 30);
const cache = new WeakMap<Product, Review[]>();

/** The product's written reviews, newest first; deterministic for (seed, product id). */
export function reviewsFor(seed: number, product: Product): Review[] {
  const hit = cache.get(product);
  if (hit) return hit;
  const spec = CATEGORY_SPECS.find((c) => c.slug === product.category)!;
  const rng = new Rng(hashSeed('reviews', seed, product.id));
  const noun = product.productType.toLowerCase();
  const plural = /[^s]s$/.test(noun);
  const fill = (text: string) =>
    text
      .replace('{noun}', noun)
      .replace('{this}', plural ? 'these' : 'this')
      .replace('{This}', plural ? 'These' : 'This')
      .replace('{is}', plural ? 'are' : 'is')
      .replace('{brand}', product.brand)
      .replace('{n}', String(rng.int(2, 20)));
  const reviews: Review[] = [];
  for (let i = 0; i < product.reviewCount; i++) {
    const rating = stars(rng, product.rating);
    const parts = [fill(rng.pick(OPENERS[rating]!))];
    if (rating >= 4) parts.push(rng.pick(spec.praise));
    if (rating >= 3 && rng.chance(0.5)) parts.push(rng.pick(spec.praise));
    if (rating <= 3) parts.push(rng.pick(spec.complaints));
    if (rating === 4 && rng.chance(0.5))
      parts.push('My only gripe: ' + lowerFirst(rng.pick(spec.complaints)));
    const picks = product.optionGroups.map((g) => ({ g, o: rng.pick(g.options) }));
    const bought = picks.length ? picks.map((p) => `${p.g.name}: ${p.o.value}`).join(', ') : null;
    if (bought && rng.chance(0.3)) {
      parts.push(
        `I went with ${picks.map((p) => `${p.g.name.toLowerCase()} ${p.o.value}`).join(' and ')}.`,
      );
    }
    parts.push(rng.pick(CLOSERS[rating]!));
    reviews.push({
      id: `${product.id}-r${i + 1}`,
      author: `${rng.pick(FIRST_NAMES)} ${INITIALS[rng.int(0, INITIALS.length - 1)]}.`,
      rating,
      title: rng.pick(TITLES[rating]!),
      body: parts.filter(Boolean).join(' '),
      date: new Date(LATEST - rng.int(0, 900) * 86_400_000).toISOString().slice(0, 10),
      verified: rng.chance(0.85),
      helpful: rng.chance(0.5) ? 0 : Math.floor(Math.exp(rng.float() * 4)),
      bought,
    });
  }
  reviews.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  cache.set(product, reviews);
  return reviews;
}

/** A star rating scattered around the product's average (Box-Muller normal, sd 1). */
function stars(rng: Rng, mean: number): number {
  const u = Math.max(rng.float(), 1e-9);
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
  return Math.min(5, Math.max(1, Math.round(mean + 0.3 + normal * 0.9)));
}
