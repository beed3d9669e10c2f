import { readHtml } from '../html/read.js';
import type { Observation } from '../observe/observation.js';

/**
 * Recognises an order confirmation page, on the mock shop and on typical live shops:
 * by URL (/order/<id>, /order-confirmation, /checkout/success, /thank-you) or by title/heading.
 */
const URL_PATTERN =
  /\/(order[-_]?confirm\w*|checkout\/(success|complete|thank\w*)|thank[-_]?you)\b|\/orders?\/[A-Za-z0-9-]+\/?(?:[?#]|$)/i;
const TEXT_PATTERN =
  /order (confirmed|placed|received|complete)|thank you for your (order|purchase)/i;

export function isOrderConfirmation(observation: Observation): boolean {
  let pathname = observation.url;
  try {
    pathname = new URL(observation.url).pathname + new URL(observation.url).search;
  } catch {
    // keep the raw string
  }
  if (URL_PATTERN.test(pathname)) return true;
  return (
    TEXT_PATTERN.test(observation.title) ||
    headings(observation.html).some((h) => TEXT_PATTERN.test(h))
  );
}

/** The text of each <h1> of the simplified HTML, read with the one HTML reader. */
function headings(html: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let current = '';
  readHtml(html, {
    open(tag) {
      if (tag === 'h1' || depth > 0) depth++;
    },
    close() {
      if (depth === 0) return;
      if (--depth === 0) {
        found.push(current);
        current = '';
      }
    },
    text(text) {
      if (depth > 0) current += text;
    },
  });
  return found;
}

/** The order id shown on a confirmation page, where the URL carries it (/order/<id>). */
export function orderIdFromUrl(url: string): string | null {
  try {
    const match = /\/orders?\/([A-Za-z0-9-]+)\/?$/.exec(new URL(url).pathname);
    return match ? match[1]! : null;
  } catch {
    return null;
  }
}
