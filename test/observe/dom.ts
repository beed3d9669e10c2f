import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { fullNames } from '../../src/html/scoped-names.js';
import { parseHtml } from '../../src/html/tree.js';
import type { Observation } from '../../src/observe/observation.js';
import { simplifyDocument, type SimplifyOptions } from '../../src/observe/simplify.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/observe');

/** Names of the checked-in page fixtures under test/fixtures/observe. */
export const PAGE_FIXTURES = ['search', 'product', 'cart', 'controls'] as const;

export function fixtureHtml(name: string): string {
  return readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

/** Parses HTML (a fragment is wrapped into a body) with linkedom. */
export function parseDoc(html: string): Document {
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(full).document as unknown as Document;
}

/** Simplifies HTML on linkedom; the page URL defaults to https://shop.test/page. */
export function observeHtml(
  html: string,
  options: SimplifyOptions = {},
): { doc: Document; obs: Observation } {
  const doc = parseDoc(html);
  return { doc, obs: simplifyDocument(doc, { url: 'https://shop.test/page', ...options }) };
}

/** The element names of an observation, in document order. */
export function namesOf(html: string, options: SimplifyOptions = {}): string[] {
  return observeHtml(html, options).obs.elements.map((e) => e.name);
}

/** The full names the simplified HTML gives, scopes resolved, in document order, with their tags. */
export function namedInHtml(html: string): { tag: string; name: string }[] {
  return [...fullNames(parseHtml(html))].map(([node, name]) => ({ tag: node.tag, name }));
}

/** The attributes of the element the simplified HTML names `name` (scopes resolved), or null. */
export function attributesOfNamed(
  html: string,
  name: string,
): Readonly<Record<string, string>> | null {
  for (const [node, full] of fullNames(parseHtml(html))) if (full === name) return node.attrs;
  return null;
}
