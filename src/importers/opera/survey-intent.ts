/**
 * Today's intent from survey answers. The rule: an answer becomes the intent only when
 *   1. its question asks for one: what the participant is shopping / looking for, plans or wants
 *      to buy, or names their intent / goal / task for the session; and
 *   2. the question is not a rating of a statement ("How much do you agree: my goal is...",
 *      "How likely...", "On a scale of 1-5...", "How often..."); and
 *   3. the answer is free text naming something, not a scale or choice answer (Likert
 *      "Strongly agree", "Neutral", frequencies, likelihoods, yes/no, a bare number or rating).
 * Anything else stays in the persona's background only; with no such answer the persona gets the
 * importer's default intent. Otherwise the heuristic would search for "strongly agree".
 */

export type SurveyEntry = [question: string, answer: string];

const ASKS_FOR_INTENT =
  /\bintent(ion)?s?\b|\bgoal\b|\btask\b|looking for|shopping for|searching for|(plan(ning)?|want(ing)?|intend(ing)?|hop(e|ing)|need) to (buy|purchase|get|shop)|what (would|will|do) you (like to )?(buy|purchase|shop)|\btoday\b/i;

const RATES_A_STATEMENT =
  /\b(agree|disagree|rate|rating|scale|likert|how (likely|often|much|important|satisfied|frequently|well)|to what extent|extent to which|statement)\b|\(\s*\d+\s*[-–]\s*\d+\s*\)/i;

/** Words a scale or closed-choice answer is made of; an answer of only these names no want. */
const SCALE_WORDS = new Set(
  `strongly somewhat slightly completely totally mostly very extremely fairly moderately quite
  not at all neither nor agree disagree neutral undecided unsure sure likely unlikely important
  unimportant satisfied dissatisfied never rarely seldom sometimes occasionally often usually
  frequently always daily weekly monthly yearly yes no maybe true false n a none and or of out an
  the time times per week month year day once twice prefer to say answer don't dont know i`.split(
    /\s+/,
  ),
);

/** True when the answer is a point on a scale or a closed choice, not a description of a want. */
export function isScaleAnswer(answer: string): boolean {
  const tokens = answer
    .toLowerCase()
    .split(/[\s,.;:!?/()\-–]+/)
    .filter(Boolean);
  return tokens.every((t) => SCALE_WORDS.has(t) || /^\d+(\.\d+)?%?$/.test(t));
}

/** Question wording for matching: `shopping_goal` and `today.looking_for` read as words. */
function words(question: string): string {
  return question.replace(/[_.]+/g, ' ');
}

/** The first answer that states today's intent by the rule above, or null. */
export function surveyIntent(entries: readonly SurveyEntry[]): string | null {
  for (const [question, answer] of entries) {
    const q = words(question);
    if (!ASKS_FOR_INTENT.test(q) || RATES_A_STATEMENT.test(q)) continue;
    if (isScaleAnswer(answer)) continue;
    return answer.trim();
  }
  return null;
}
