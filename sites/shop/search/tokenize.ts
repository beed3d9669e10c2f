/** Text normalisation shared by the index and the queries, so both sides stem the same way. */

const STOPWORDS = new Set(['a', 'an', 'and', 'the', 'for', 'with', 'of', 'in', 'on', 'to', 'by']);

/** Lower-case, accents and apostrophes removed, split on anything not a letter or digit. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9.]+|(?<![0-9])\.|\.(?![0-9])/)
    .filter((w) => w.length > 0);
}

/** Crude plural stemming: "shoes" -> "shoe", "batteries" -> "battery"; "glass" stays. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !/\d/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/** The search tokens of a text: words, stop words dropped, stemmed. */
export function tokenize(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}
