import { pricesIn } from './slug.js';
import { collapse } from './text.js';

/**
 * The character level of the simplified HTML: escaping, the attribute list of a tag, and the cuts
 * that keep long text short (text runs, labels, alt texts).
 */

/**
 * A run of text (between two tags or line breaks) longer than this is cut at a word with `…`:
 * long descriptions and legal notes cost tokens, not decisions; their start says what they are.
 * Prices in the cut part are kept (a long product title ends with its price).
 */
export const MAX_TEXT_RUN = 100;

/** An attribute to write: a string value, `true` for a bare attribute, null/false to leave out. */
export type Attr = [string, string | null | boolean];
/** Attributes holding free text, capped like text runs (an image's alt can be a paragraph). */
const CAPPED_ATTRIBUTES = new Set(['alt', 'aria-label', 'placeholder']);

export const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text escapeText escaped, as the page shows it ("Dresses &amp; Suits" is "Dresses & Suits"). */
export const unescapeText = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
export const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** ` key="value"` for each attribute that has a value; free-text values are cut like text runs. */
export function attributes(list: Attr[]): string {
  let out = '';
  for (const [key, value] of list) {
    if (value === true) out += ` ${key}`;
    else if (typeof value === 'string' && value.trim()) {
      // labels and alt texts are text a person reads: cut like the page's text runs
      const text = collapse(value);
      out += ` ${key}="${escapeAttr(CAPPED_ATTRIBUTES.has(key) ? capRun(text, MAX_TEXT_RUN) : text)}"`;
    }
  }
  return out;
}

/** Cuts every text run (outside tags, within a line) longer than `max` at a word boundary. */
export function capTextRuns(html: string, max: number): string {
  return html.replace(/<[^>]*>|[^<\n]+/g, (run) =>
    run.length <= max || run.startsWith('<') ? run : capRun(run, max),
  );
}

/** One run cut at a word boundary near `max` with `…`, keeping the prices of the cut part. */
export function capRun(run: string, max: number): string {
  if (run.length <= max) return run;
  let cut = run.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space >= max / 2) cut = cut.slice(0, space);
  cut = cut.replace(/&[a-z#0-9]*$/i, ''); // never split an entity
  const prices = pricesIn(run.slice(cut.length));
  return cut.trimEnd() + '…' + (prices.length ? ` ${prices.join(' ')}` : '');
}

/** The number a gallery puts after its product name: "…, Bild 2", "… - 3", "… image 4". */
const PICTURE_WORD =
  '(?:bild|image|img|photo|picture|foto|view|vue|ansicht|thumbnail|thumb|miniature)';
const NUMBERED_PICTURE = new RegExp(
  `(?:(?:\\s*,\\s*|\\s+[–-]\\s*)(?:${PICTURE_WORD}\\s*)?|\\s+${PICTURE_WORD}\\s*)#?\\d{1,2}$`,
  'i',
);

/** An image's alt as a gallery repeats it: cut like a label, without its picture number. */
export function pictureStem(alt: string): string {
  return capRun(alt, MAX_TEXT_RUN).replace(NUMBERED_PICTURE, '');
}
