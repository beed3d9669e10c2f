import { formatAction, type Action } from '../action.js';

/**
 * Whether a cleaned answer is what fine-tuning data needs: one first-person sentence giving the
 * shopper's reason. Returns why it is not (sent back to the writer as feedback), or null when it
 * is. Rejected: nothing left after cleaning; JSON or code; assistant chatter ("Sure!", "As an
 * AI..."), refusals and placeholder / fallback lines ("N/A", "(not recorded)", "Picked at
 * random"); the bare action or an element name instead of a reason; third-person or impersonal
 * text with no I / my / me / we; fewer than three words.
 */
export function rationaleProblem(
  sentence: string | null,
  raw: string,
  action: Action,
): string | null {
  const text = sentence?.trim() ?? '';
  if (!text) return 'the answer was empty or held no sentence';
  if (/^\s*[[{]/.test(raw.trim()) && !/"(rationale|reason|explanation|text)"\s*:/.test(raw))
    return 'the answer was JSON without a rationale, not a sentence';
  if (/^[[{<`]|[{}]\s*$|```/.test(text)) return 'the answer was code or JSON, not a sentence';
  if (CHATTER.test(text)) return "the answer talked to me instead of giving the shopper's reason";
  if (PLACEHOLDER.test(text)) return 'the answer was a placeholder, not a reason';
  if (isBareAction(text, action)) return 'the answer restated the action instead of the reason';
  if (!FIRST_PERSON.test(text))
    return 'the answer was not in the first person (write as the shopper: "I ...")';
  if (text.split(/\s+/).length < 3) return 'the answer was too short to give a reason';
  return null;
}

const CHATTER =
  /^(sure|certainly|of course|absolutely|okay|ok|great|happy to help|here (is|'s)|i('d| would) be happy)\b[^a-z]*$|^(sure|certainly|of course|absolutely)[!,.]|\bas an ai\b|\b(language model|ai assistant)\b|^i('m| am) (sorry|unable|not able)|^i (cannot|can't|can not) (help|provide|determine|assist|write|answer)/i;

const PLACEHOLDER =
  /^\(?(n\/?a|none|null|unknown|no (rationale|reason|answer|comment)[^a-z]*.*|not (recorded|available|applicable)|\(not recorded\)|rationale( unavailable| missing)?|no idea|i don'?t know|picked at random.*|todo|tbd|-+)\)?[.!]?$/i;

const FIRST_PERSON = /\b(i|i'm|i've|i'll|i'd|me|my|mine|myself|we|we're|our|us)\b/i;

/** "click search_results.item_3", click(...), or mostly a dotted element name. */
function isBareAction(text: string, action: Action): boolean {
  const plain = text.replace(/[.!]+$/, '').trim();
  if (plain.toLowerCase() === formatAction(action).toLowerCase()) return true;
  if (/^(click|type_and_submit|terminate)\b\s*[:(]?/i.test(plain) && !FIRST_PERSON.test(plain))
    return true;
  const words = plain.split(/\s+/);
  return words.length <= 3 && words.some((w) => /^[a-z0-9_]+(\.[a-z0-9_]+)+$/i.test(w));
}
