/** Word and number helpers for reading shop pages: tokens, light stemming, prices, ratings. */

/** Lowercased word tokens (letters and digits; apostrophes dropped). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Very light English stemming so "shoes" matches "shoe" and "batteries" matches "battery". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function stems(text: string): Set<string> {
  return new Set(tokenize(text).map(stem));
}

/** Collapses whitespace. */
export { collapse as squash } from '../../observe/text.js';

/** US formats first, so "$59.994.5" (price glued to a rating) still reads as 59.99. */
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+[.,]\d{2}|\d+)`;
const CURRENCY_BEFORE = new RegExp(
  String.raw`(?:US\$|[$€£¥]|\b(?:USD|EUR|GBP|CAD|AUD)\b)\s?` + AMOUNT,
  'gi',
);
const CURRENCY_AFTER = new RegExp(AMOUNT + String.raw`\s?(?:€|£|\b(?:USD|EUR|GBP)\b)`, 'gi');

/** Reads "1,299.99", "1.299,99", "12,50" or "12" as a number. */
export function readAmount(raw: string): number | null {
  let s = raw.replace(/\s/g, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep >= 0 && s.length - lastSep - 1 <= 2) {
    s = s.slice(0, lastSep).replace(/[.,]/g, '') + '.' + s.slice(lastSep + 1);
  } else {
    s = s.replace(/[.,]/g, '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Every price in the text, in order of appearance. */
export function findPrices(text: string): number[] {
  const found: Array<{ at: number; value: number }> = [];
  for (const re of [CURRENCY_BEFORE, CURRENCY_AFTER]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = readAmount(m[1]!);
      if (value !== null && !found.some((f) => Math.abs(f.at - m!.index) < 3)) {
        found.push({ at: m.index, value });
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

export function firstPrice(text: string): number | null {
  return findPrices(text)[0] ?? null;
}

/** A star rating on a 0–5 scale: "4.5 out of 5", "4.2/5", "4.0 stars", "Rated 4", "★★★★☆". */
export function findRating(text: string): number | null {
  const m =
    /(\d(?:[.,]\d)?)\s*(?:out of 5|\/\s*5\b|stars?\b|★)/i.exec(text) ??
    /\brat(?:ed|ing)[:\s]+(\d(?:[.,]\d)?)\b/i.exec(text);
  if (m) {
    const value = Number(m[1]!.replace(',', '.'));
    if (value >= 0 && value <= 5) return value;
  }
  const stars = /([★☆]{5})/.exec(text);
  if (stars) return [...stars[1]!].filter((c) => c === '★').length;
  return null;
}

/** "(123 reviews)", "87 ratings". */
export function findReviewCount(text: string): number | null {
  const m = /(\d[\d,.]*)\s*(?:customer\s+)?(?:reviews?|ratings?)\b/i.exec(text);
  return m ? (readAmount(m[1]!.replace(/[.,](?=\d{3}\b)/g, '')) ?? null) : null;
}

export const OUT_OF_STOCK =
  /\b(out of stock|sold out|unavailable|not available|no longer available)\b/i;

/** "$42" or "$42.50" for rationales. */
export function money(value: number): string {
  return Number.isInteger(value) ? `$${value}` : `$${value.toFixed(2)}`;
}
