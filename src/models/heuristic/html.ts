/**
 * What the heuristic reads from the tree of an observation's simplified HTML (parsed by the one
 * reader in src/html): visible text of a card, where a named control sits, struck-out prices.
 */
import type { HtmlNode } from '../../html/node.js';
import { walkScoped } from '../../html/scoped-names.js';
import { resolveScopedName } from '../../observe/name-scopes.js';

const BREAKS_WORDS = /^(p|div|li|br|tr|h\d|section|article)$/;

/** Visible text of a subtree; `skip` drops whole subtrees (e.g. struck-out old prices). */
export function textOf(root: HtmlNode, skip?: (n: HtmlNode) => boolean): string {
  const parts: string[] = [];
  const visit = (n: HtmlNode): void => {
    if (skip?.(n)) return;
    if (n.tag === '#text') parts.push(n.text);
    else {
      const label = n.attrs['aria-label'] ?? n.attrs['alt'];
      if (label) parts.push(label);
      for (const c of n.children) visit(c);
    }
    if (BREAKS_WORDS.test(n.tag)) parts.push(' ');
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Maps each wanted name to the element carrying it in any attribute (name, data-*, id...); a
 * value starting with a dot is read in the scope around it (src/html/scoped-names.ts).
 */
export function indexNames(root: HtmlNode, names: ReadonlySet<string>): Map<string, HtmlNode> {
  const found = new Map<string, HtmlNode>();
  walkScoped(root, (n, scope) => {
    for (const value of Object.values(n.attrs)) {
      const name = resolveScopedName(value, scope);
      if (names.has(name) && !found.has(name)) found.set(name, n);
    }
  });
  return found;
}

/** Struck-out prices ("was $40") are not the price to pay. */
export function isStruck(n: HtmlNode): boolean {
  return (
    /^(del|s|strike)$/.test(n.tag) ||
    /\b(was|old|original|strike|compare)[-_]?price/i.test(n.attrs['class'] ?? '')
  );
}
