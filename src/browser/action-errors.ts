import { COVERED_BY_ANOTHER_ELEMENT, ElementNotInteractableError } from '../errors.js';

/** Reasons Playwright logs while it waits for an element to become actionable, most telling first. */
const REASONS: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /(<[^\n]*?) intercepts pointer events/,
    (m) =>
      `${COVERED_BY_ANOTHER_ELEMENT} (${shorten(m[1]!)}); close or dismiss what covers it, or choose another element`,
  ],
  [
    /element is not enabled|element is disabled/i,
    () => 'it is disabled; choose another element or first do what it needs',
  ],
  [/not editable|readonly/i, () => 'it is read-only; choose another field'],
  [
    /detached from the DOM|not attached to the DOM/i,
    () => 'it was removed from the page while acting; observe the page again and choose again',
  ],
  [
    /element is not visible/i,
    () => 'it is not visible; open the menu or section that shows it first',
  ],
  [/outside of the viewport/i, () => 'it is outside the page area and cannot be reached'],
  [/element is not stable/i, () => 'it keeps moving (animation); try again'],
  [
    /Cannot type text into input\[type=(\w+)\]/,
    (m) => `it is a ${m[1]} field and does not accept this text`,
  ],
  [
    /not an <input>, <textarea>|is not an <input>/i,
    () => 'it is not a text field; use click, or type into a text field',
  ],
];

function shorten(html: string): string {
  return html.length > 100 ? html.slice(0, 97) + '...' : html;
}

/**
 * Turns a Playwright action failure (usually an actionability timeout with a call log) into an
 * ElementNotInteractableError whose message tells a model what is wrong and what to do.
 * Returns null for errors that are not about the element (closed page, crashed browser).
 */
export function interactionError(what: string, error: unknown): ElementNotInteractableError | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/Target page, context or browser has been closed|Browser has been closed/i.test(message)) {
    return null;
  }
  // The call log repeats: the last matching line is the most recent state.
  for (const [pattern, reason] of REASONS) {
    const all = [...message.matchAll(new RegExp(pattern.source, pattern.flags + 'g'))];
    const last = all.at(-1);
    if (last) return new ElementNotInteractableError(`cannot ${what}: ${reason(last)}.`);
  }
  const timeout = /Timeout (\d+)ms exceeded/.exec(message);
  if (timeout) {
    return new ElementNotInteractableError(
      `cannot ${what}: it did not become usable within ${timeout[1]}ms; choose another element.`,
    );
  }
  return new ElementNotInteractableError(`cannot ${what}: ${message.split('\n')[0]}`);
}
