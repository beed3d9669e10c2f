import type { Persona } from '../../persona.js';
import { readAudience, type AudienceWish } from './audience.js';
import { stem, tokenize } from './text.js';

/** What the heuristic shopper wants, read from the persona. */
export interface IntentProfile {
  /** Search texts to try, best first ("trail running shoes", "running shoes", "shoes"). */
  queries: string[];
  /** Stemmed product words with weights: 1 for the product phrase, less for context words. */
  weights: Map<string, number>;
  /** Stem of the product phrase's last word, which a matching product must mention. */
  head: string | null;
  budget: number | null;
  brands: string[];
  size: string | null;
  colors: string[];
  goal: 'buy' | 'browse';
  audience: AudienceWish | null;
}

const STOP = new Set(
  (
    'a an the some any my our your his her their its this that these those i im me we you he she ' +
    'they it is are was were be been am do does did have has had will would could should can may ' +
    'might must to of for with without in on at by from as into onto about around under below ' +
    'over than then and or but so if because while when where which who whom what why how just ' +
    'also too very really quite more most less least much many few little lot lots not no nor ' +
    'only own same other another such each every all both either neither one ones something ' +
    'anything thing things stuff kind sort type today now soon maybe perhaps please ' +
    'need needs needed want wants wanted wanting looking look shopping shop buy buying get ' +
    'getting find finding order ordering purchase replace replacing searching search hunting ' +
    'new good nice decent great cheap cheaper affordable inexpensive budget price priced cost ' +
    'costs spend spending dollars dollar bucks euros euro pounds usd eur gbp max maximum ' +
    'present like love prefer ideally probably ' +
    'browse browsing idea ideas see check out compare around just yet plan plans ' +
    'inch inches cm mm oz lb lbs ml gb tb'
  ).split(/\s+/),
);

const TRIGGER =
  /\b(?:look(?:ing)? (?:around )?(?:for|at)|research(?:ing)?|reorder|restock|choose|pick|shopping for|searching for|in the market for|hunting for|(?:want|wants|need|needs|have|has|going) to (?:buy|get|find|order|replace|try|pick up)|need|needs|want|wants|buy|get|find|order|replace|browse|browsing|check out|compare)\b/i;

const PHRASE_STOP = new Set(
  (
    'for to with under below that which so because and or but in on at from by as while before ' +
    'since without within around than this under over if when who where can could will would ' +
    'should might must is are was were be her his their my our your its'
  ).split(' '),
);
const LEAD_FILLER = new Set(
  (
    'new good nice decent cheap cheaper affordable inexpensive few another replacement one two ' +
    'three simple basic quality proper great worn old broken dull current usual'
  ).split(' '),
);
/** "a pair of", "a bag of": skipped only when followed by "of". */
const CONTAINER = new Set('pair pairs set couple pack box bag bottle can jar'.split(' '));

const BUDGET_PHRASE =
  /\b(?:under|below|less than|no more than|not more than|up to|at most|max(?:imum)?|around|about|within|budget(?: of| is)?|for)?\s*(?:[$€£]\s?\d[\d,.]*|\d[\d,.]*\s*(?:dollars|euros|pounds|bucks|usd|eur|gbp)\b)/gi;

/** "no plan to buy yet", "not buying today": says nothing about the product. */
const NEGATED =
  /\b(?:no|not|don'?t|won'?t|without|never)\b(?:\s+\w+){0,3}?\s+(?:buy|buying|purchase|order)\b[^.;,!?]*/gi;

const COLORS = (
  'black white grey gray charcoal silver gold red burgundy maroon blue navy green olive khaki ' +
  'yellow orange coral pink purple lavender brown beige tan cream ivory teal turquoise'
).split(' ');

/**
 * The product phrase of one sentence: the words after the want/need verb up to a clause break,
 * read across commas between adjectives ("an ultralight, freestanding tent"), last 3 words.
 */
function productPhrase(sentence: string): string[] {
  const trigger = TRIGGER.exec(sentence);
  const rest = trigger ? sentence.slice(trigger.index + trigger[0].length) : sentence;
  const phrase: string[] = [];
  for (const segment of rest.split(/[,()/]|\s[-–—]\s/)) {
    const words = tokenize(segment);
    let i = 0;
    while (!phrase.length && i < words.length) {
      const w = words[i]!;
      if (CONTAINER.has(w) && words[i + 1] === 'of') i += 2;
      else if (LEAD_FILLER.has(w) || STOP.has(w)) i++;
      else break;
    }
    let cut = false;
    for (; i < words.length && !cut; i++) {
      const w = words[i]!;
      cut = PHRASE_STOP.has(w) || w === 'of';
      if (!cut && !STOP.has(w) && !/^\d+$/.test(w)) phrase.push(w);
    }
    if (cut || phrase.length >= 2) break;
  }
  return phrase.slice(-3);
}

export function readIntent(persona: Persona | null): IntentProfile {
  const intent = persona?.intent ?? '';
  const cleaned = intent.replace(BUDGET_PHRASE, ' ').replace(NEGATED, ' ');
  const sentences = cleaned.split(/(?<=[.!?])\s+(?=[A-Z])|[;:\n]+/).filter((s) => s.trim());
  const ordered = [
    ...sentences.filter((s) => TRIGGER.test(s)),
    ...sentences.filter((s) => !TRIGGER.test(s)),
  ];
  let phrase: string[] = [];
  for (const s of ordered) {
    phrase = productPhrase(s);
    if (phrase.length) break;
  }
  const content = tokenize(cleaned).filter((w) => !STOP.has(w) && !/^\d+$/.test(w));
  if (!phrase.length) phrase = content.slice(0, 3);

  const weights = new Map<string, number>();
  for (const w of content) weights.set(stem(w), 0.3);
  for (const w of phrase) weights.set(stem(w), 1);
  const queries = [phrase.join(' ')];
  if (phrase.length > 2) queries.push(phrase.slice(-2).join(' '));
  if (phrase.length > 1) queries.push(phrase[phrase.length - 1]!);

  const about = `${intent} ${persona?.background ?? ''}`;
  const size =
    /\bsize\s+((?:x{0,3}[sl]|m|xxl|xxxl|\d{1,2}(?:[.,]5)?)(?![\w]))/i.exec(about)?.[1] ??
    /\bwears?\s+(?:an?\s+)?(x{0,3}[sl]|m|small|medium|large)\b/i.exec(about)?.[1] ??
    null;
  return {
    queries: queries.filter((q) => q.length > 0),
    weights,
    head: phrase.length ? stem(phrase[phrase.length - 1]!) : null,
    budget: persona?.budget ?? null,
    brands: persona?.preferred_brands ?? [],
    size: size ? size.toLowerCase() : null,
    colors: COLORS.filter((c) => new RegExp(`\\b${c}\\b`, 'i').test(intent)),
    goal: persona ? persona.goal : 'browse',
    audience: readAudience(persona),
  };
}
