import type { Persona } from '../../persona.js';
import { audienceMismatch } from './audience.js';
import type { IntentProfile } from './intent.js';
import type { Item } from './items.js';
import type { Rng } from './rng.js';
import { stems } from './text.js';

type Style = Persona['shopping_style'];
type Level = Style['patience'];

const pick = (level: Level, low: number, medium: number, high: number): number =>
  level === 'low' ? low : level === 'medium' ? medium : high;

/** How well a product title (and its card text) matches the intent: 0..1, plus the head-word test. */
export function relevance(
  title: string,
  text: string,
  intent: IntentProfile,
): { score: number; headOk: boolean } {
  const inTitle = stems(title);
  const inText = stems(text);
  let phrase = 0;
  let matched = 0;
  let context = 0;
  for (const [word, weight] of intent.weights) {
    if (weight >= 1) {
      phrase++;
      matched += inTitle.has(word) ? 1 : inText.has(word) ? 0.5 : 0;
    } else if (inTitle.has(word)) context += 0.1;
  }
  const score = phrase ? Math.min(1, matched / phrase + context) : 0;
  const headOk = intent.head === null || inTitle.has(intent.head) || inText.has(intent.head);
  return { score, headOk };
}

function brandMatch(text: string, brands: string[]): string | null {
  const lower = text.toLowerCase();
  return brands.find((b) => b.trim() && lower.includes(b.toLowerCase())) ?? null;
}

/** An item as this shopper sees it. */
export interface Assessed {
  item: Item;
  score: number;
  relevant: boolean;
  overBudget: boolean;
  fits: boolean;
  brand: string | null;
}

export function assess(items: Item[], intent: IntentProfile, style: Style, rng: Rng): Assessed[] {
  const prices = items.map((i) => i.price).filter((p): p is number => p !== null);
  const reference = intent.budget ?? (prices.length ? Math.max(...prices) : null);
  return items.map((item) => {
    const rel = relevance(item.title, item.text, intent);
    const brand = brandMatch(`${item.title} ${item.text}`, intent.brands);
    const overBudget = intent.budget !== null && item.price !== null && item.price > intent.budget;
    const cut = audienceMismatch(item.title, intent.audience);
    const relevant = rel.headOk && (intent.weights.size === 0 || rel.score > 0) && cut !== 'hard';
    let score = 2 * rel.score + rng() * 0.25 - (cut === 'soft' ? 1 : 0);
    if (item.rating !== null) score += (item.rating - 3) * pick(style.thoroughness, 0.2, 0.4, 0.6);
    if (brand) score += pick(style.brand_loyalty, 0.3, 0.8, 1.5);
    if (item.price !== null && reference)
      score += (1 - item.price / reference) * pick(style.price_sensitivity, 0.15, 0.6, 1.2);
    else if (item.price === null) score -= 0.3;
    return {
      item,
      score,
      relevant,
      overBudget,
      fits: relevant && item.inStock && !overBudget,
      brand,
    };
  });
}

export const patienceSteps = (s: Style): number => pick(s.patience, 10, 16, 24);
export const maxSearches = (s: Style): number => pick(s.patience, 2, 3, 4);
export const maxProductViews = (s: Style): number => pick(s.patience, 2, 4, 6);
export const maxResultPages = (s: Style): number => pick(s.patience, 0, 1, 2);
export const browseViews = (s: Style): number =>
  pick(s.patience, 1, 2, 3) + (s.thoroughness === 'high' ? 1 : 0);
/** Review pages a shopper reads per product before deciding. */
export const reviewPages = (s: Style): number => pick(s.thoroughness, 0, 0, 2);
