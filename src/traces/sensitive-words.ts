/**
 * Words that mark a form field as holding a secret: card numbers, expiry dates, security codes,
 * passwords, PINs, bank accounts, keys and tokens. One list for both places that keep secrets out
 * of traces: the recorder (field names, ids, labels, read in the page) and the simulator's
 * observation redaction (element names and texts). Plain code, no imports: it is bundled into the
 * in-page recorder. "card" deliberately over-matches ("Name on card"): a missed secret is worse
 * than a redacted name.
 */
const SENSITIVE_WORDS =
  /card|cc-?num|\bcc ?num|\bcc ?(?:csc|cvc|exp)|cvc|cvv|\bcsc\b|security ?code|passw(?:or)?d|\bpwd\b|\bpass\b|\bpin\b|iban|account ?number|api ?key|token|secret/i;

/** True when `word` (a name, id, label...) names a secret; `_` and `-` are read as spaces. */
export function soundsSensitive(word: string): boolean {
  return SENSITIVE_WORDS.test(word) || SENSITIVE_WORDS.test(word.replace(/[_-]+/g, ' '));
}
