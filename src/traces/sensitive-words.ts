/**
 * What marks a form field as holding a secret: card numbers, expiry dates, security codes,
 * passwords, PINs, bank accounts, keys and tokens, and the personal identifiers a shopper types
 * (email addresses, social security / national / tax id numbers). One set of rules for every place that keeps
 * secrets out of files: the in-page recorder (field names, ids, labels, autocomplete, read in the
 * page) and the trace writer's redactor (element names, texts and input types). Plain code, no
 * imports: it is bundled into the in-page recorder. "card" deliberately over-matches ("Name on
 * card"): a missed secret is worse than a redacted name.
 */
const SENSITIVE_WORDS =
  /card|cc-?num|\bcc ?num|\bcc ?(?:csc|cvc|exp)|expir(?:y|ation)|\bexp ?(?:date|month|year|mo|yr)\b|\bmm ?\/ ?yy|cvc|cvv|\bcsc\b|security ?code|passw(?:or)?d|\bpwd\b|\bpass\b|\bpin\b|iban|account ?number|api ?key|token|secret|\bssn\b|social ?security|national ?id|tax ?id|e-?mail/i;

const SENSITIVE_AUTOCOMPLETE =
  /(?:^|\s)(?:cc-number|cc-csc|cc-exp(?:-month|-year)?|current-password|new-password|one-time-code|email)(?:\s|$)/i;

/** The marker written instead of a secret value, in every kind of trace. */
export const REDACTED = '[redacted]';

/** True when `word` (a name, id, label...) names a secret; `_` and `-` are read as spaces. */
export function soundsSensitive(word: string): boolean {
  return SENSITIVE_WORDS.test(word) || SENSITIVE_WORDS.test(word.replace(/[_-]+/g, ' '));
}

/** The facts about a field the rules look at. */
export interface FieldFacts {
  tag: string;
  type: string;
  autocomplete: string;
  words: string[];
}

/**
 * A field is sensitive when it is an <input type="password"> or type="email", when its
 * autocomplete token is cc-number, cc-csc, cc-exp(-month/-year), current-password, new-password,
 * one-time-code or email, or when any of its words (name, id, aria-label, placeholder, label text)
 * sounds sensitive.
 */
export function isSensitiveFacts(facts: FieldFacts): boolean {
  if (facts.tag === 'input' && (facts.type === 'password' || facts.type === 'email')) return true;
  if (SENSITIVE_AUTOCOMPLETE.test(facts.autocomplete)) return true;
  return facts.words.some(soundsSensitive);
}
