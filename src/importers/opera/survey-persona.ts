import { Persona } from '../../persona.js';
import { surveyIntent, type SurveyEntry } from './survey-intent.js';

/**
 * Turns an OPeRA user's survey (JSON: an object of answers, possibly nested, or a list of
 * {question, answer} pairs) into a shopsim Persona. Fields are found by the question/key wording:
 *   age        <- "age" / "how old" (a number, a range "25-34" -> midpoint, "65+" -> 65, or a
 *                 birth year); default 35
 *   gender     <- "gender" / "sex"; default "unspecified"
 *   income     <- "income" (dollar amounts or ranges -> band: <30k low, <60k lower_middle,
 *                 <100k middle, <150k upper_middle, else high; or the words low/middle/high);
 *                 default middle
 *   location   <- "location" / "country" / "state" / "city" / "region" / "where ... live";
 *                 default "unknown"
 *   shopping   <- answers about shopping, brands, prices, reviews: price sensitivity high when
 *                 they mention price/deals/discounts/budget; thoroughness high when they mention
 *                 reviews/comparing/research; brand loyalty high when they mention loyalty or
 *                 sticking to brands; patience low for quick/fast, high for taking time; a
 *                 "low" wording wins over a "high" one ("quality over price"); else medium
 *   brands     <- "favorite/preferred brand(s)" (comma-separated)
 *   budget     <- "budget" (first dollar amount)
 *   intent     <- only an answer to a question that asks for one, never a rating or Likert
 *                 answer (the rule is in survey-intent.ts); default: shop as in the recorded
 *                 sessions
 * The raw survey text is kept whole in `background`, after a one-line summary of the
 * shopping-related answers.
 */

const QUESTION_KEYS = ['question', 'q', 'title', 'prompt', 'label', 'name'];
const ANSWER_KEYS = ['answer', 'a', 'response', 'value', 'answers', 'choice'];

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return value.map(scalar).filter(Boolean).join(', ') || null;
  }
  return null;
}

/** Flattens the survey into (question, answer) pairs. */
function surveyEntries(survey: unknown, prefix = ''): SurveyEntry[] {
  const direct = scalar(survey);
  if (direct !== null) return prefix ? [[prefix, direct]] : [['survey', direct]];
  if (Array.isArray(survey))
    return survey.flatMap((item, i) => surveyEntries(item, prefix || String(i)));
  if (typeof survey !== 'object' || survey === null) return [];
  const record = survey as Record<string, unknown>;
  const questionKey = QUESTION_KEYS.find((k) => typeof record[k] === 'string');
  const answerKey = ANSWER_KEYS.find((k) => k in record);
  if (questionKey && answerKey) {
    const answer = scalar(record[answerKey]);
    return answer === null ? [] : [[String(record[questionKey]), answer]];
  }
  return Object.entries(record).flatMap(([key, value]) =>
    surveyEntries(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** Question wording for matching: `favorite_brands` and `profile.age` read as words. */
function words(question: string): string {
  return question.replace(/[_.]+/g, ' ');
}

function find(entries: SurveyEntry[], pattern: RegExp, exclude?: RegExp): SurveyEntry | null {
  return (
    entries.find(([q]) => pattern.test(words(q)) && !(exclude && exclude.test(words(q)))) ?? null
  );
}

/** Dollar-ish amounts in a text: "$50,000", "75k", "1.2 million". */
function amounts(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|m|million)?\b/gi)) {
    let n = Number(m[1]!.replace(/,/g, ''));
    const unit = m[2]?.toLowerCase();
    if (unit === 'k' || unit === 'thousand') n *= 1_000;
    if (unit === 'm' || unit === 'million') n *= 1_000_000;
    if (Number.isFinite(n)) found.push(n);
  }
  return found;
}

export function parseAge(answer: string, now: Date = new Date()): number | null {
  const numbers = [...answer.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 0) return null;
  const year = now.getUTCFullYear();
  let age = numbers[0]!;
  if (age >= 1900 && age <= year) age = year - age;
  else if (numbers.length >= 2 && numbers[1]! > age && numbers[1]! < 120) {
    age = Math.round((age + numbers[1]!) / 2);
  }
  return age >= 13 && age <= 110 ? age : null;
}

export function incomeBand(answer: string): Persona['demographics']['income_band'] | null {
  const values = amounts(answer).filter((n) => n >= 1000);
  if (values.length > 0) {
    const mid = values.length >= 2 ? (values[0]! + values[1]!) / 2 : values[0]!;
    if (mid < 30_000) return 'low';
    if (mid < 60_000) return 'lower_middle';
    if (mid < 100_000) return 'middle';
    if (mid < 150_000) return 'upper_middle';
    return 'high';
  }
  const lower = answer.toLowerCase();
  if (/upper[\s_-]*middle/.test(lower)) return 'upper_middle';
  if (/lower[\s_-]*middle/.test(lower)) return 'lower_middle';
  if (/\bhigh/.test(lower)) return 'high';
  if (/\blow/.test(lower)) return 'low';
  if (/\bmiddle|\bmedium|\baverage/.test(lower)) return 'middle';
  return null;
}

function normalizeGender(answer: string): string {
  const lower = answer.trim().toLowerCase();
  if (lower === 'm') return 'male';
  if (lower === 'f') return 'female';
  if (/prefer not/.test(lower)) return 'unspecified';
  return lower || 'unspecified';
}

/** A persona id from a dataset user id. */
export function personaIdFor(userId: string): string {
  const slug = userId
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `opera-${slug.slice(0, 64) || 'unknown'}`;
}

/** Parses the raw survey cell (JSON text or already an object). */
function parseSurvey(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw ?? null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // free text: kept in background only
  }
}

export function surveyToPersona(userId: string, rawSurvey: unknown, now = new Date()): Persona {
  const entries = surveyEntries(parseSurvey(rawSurvey));
  const answer = (pattern: RegExp, exclude?: RegExp): string | null =>
    find(entries, pattern, exclude)?.[1] ?? null;

  const ageText = answer(
    /\bage\b|how old|year of birth|birth ?year|born/i,
    /\b(page|usage|stage)\b/i,
  );
  const genderText = answer(/gender|\bsex\b/i);
  const incomeText = answer(/income|salary|earn/i);
  const locationText = answer(
    /location|country|\bstate\b|city|region|zip|postal|where.*(live|reside|located)/i,
  );
  const shopping = entries.filter(
    ([q]) =>
      /shop|purchas|\bbuy|brand|price|budget|frequen|online|amazon|prefer|spend|review|deal|discount/i.test(
        words(q),
      ) && !/income|gender|\bage\b/i.test(words(q)),
  );
  const shoppingText = shopping
    .map(([, a]) => a)
    .join(' \n ')
    .toLowerCase();
  const level = (high: RegExp, low?: RegExp): 'low' | 'medium' | 'high' =>
    low?.test(shoppingText) ? 'low' : high.test(shoppingText) ? 'high' : 'medium';

  const brandsText = answer(
    /(favou?rite|preferred|usual)\s+brands?|brands? (you|do you) (like|prefer)/i,
  );
  const budgetText = answer(/budget/i);
  const budget = budgetText ? (amounts(budgetText).find((n) => n > 0) ?? null) : null;
  const intentText = surveyIntent(entries);

  const summary = shopping.map(([q, a]) => `${q}: ${a}`).join('; ');
  const rawText = typeof rawSurvey === 'string' ? rawSurvey : JSON.stringify(rawSurvey ?? null);
  const background = [
    summary ? `Shopping answers: ${summary}.` : null,
    `OPeRA survey (raw): ${rawText}`,
  ]
    .filter(Boolean)
    .join('\n');

  return Persona.parse({
    id: personaIdFor(userId),
    display_name: `OPeRA user ${userId.slice(0, 8)}`,
    demographics: {
      age: (ageText && parseAge(ageText, now)) ?? 35,
      gender: genderText ? normalizeGender(genderText) : 'unspecified',
      income_band: (incomeText && incomeBand(incomeText)) ?? 'middle',
      location: locationText?.trim() || 'unknown',
    },
    shopping_style: {
      patience: level(
        /take (my|their) time|browse|patient|leisure/,
        /quick|fast|efficient|hurry|impatient/,
      ),
      thoroughness: level(/review|compar|research|rating|read/),
      price_sensitivity: level(
        /price|deal|discount|coupon|cheap|budget|sale|afford|save money|bargain/,
        /price (does not|doesn't) matter|quality over price|premium|luxury/,
      ),
      brand_loyalty: level(/loyal|same brand|stick (to|with)|trusted brand|brand name/),
    },
    intent:
      intentText?.trim() ||
      'Shop online the way this participant did in the recorded OPeRA sessions.',
    goal: 'buy',
    budget: budget && budget > 0 ? budget : null,
    preferred_brands: brandsText
      ? brandsText
          .split(/[,;/]|\band\b/)
          .map((b) => b.trim())
          .filter(Boolean)
      : [],
    background,
  });
}
