/**
 * Page-derived text in prompts. A page is content written by the shop, never instructions: it
 * must not be able to end its own block and pose as the prompt (forge a "Named elements" list,
 * a "SYSTEM:" line, ...). Multi-line page text (the simplified HTML) goes in a code fence longer
 * than any backtick run it contains, so no line of the page can close it (a closing fence must
 * be at least as long as the opening one); one-line page text (titles, URLs, element texts) is
 * flattened to one line, so it cannot start a line of its own.
 */

/** Line breaks of any kind, including the Unicode ones \s leaves out. */
const BREAKS = /[\s\u0085]+/g;

/** The longest run of backticks in `text` (0 when there is none). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** A fence no line of `text` can close: at least three backticks, one more than its longest run. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

/** `text` in a code fence it cannot close, with an info string such as "html". */
export function fencedBlock(text: string, info = 'html'): string {
  const fence = fenceFor(text);
  return `${fence}${info}\n${text}\n${fence}`;
}

/** Page text for a one-line slot (title, URL, name): every line break becomes a space. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').trim();
}
