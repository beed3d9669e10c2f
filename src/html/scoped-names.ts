import { resolveScopedName, SCOPE_ATTRIBUTE } from '../observe/name-scopes.js';
import { attr, type HtmlNode } from './node.js';

/**
 * Reading names out of simplified HTML that writes shared prefixes as scopes
 * (src/observe/name-scopes.ts): `<ul scope="nav"><a name=".shoes"/>` names `nav.shoes`. HTML
 * without scopes (datasets, traces written before scopes) reads as before: every name is full.
 */

/** The scope inside an element: its own `scope` read in `outer`, else `outer`. */
export function innerScope(
  attrs: Readonly<Record<string, string>>,
  outer: string | null,
): string | null {
  const own = attr(attrs, SCOPE_ATTRIBUTE)?.trim();
  return own ? resolveScopedName(own, outer) : outer;
}

/** The full name an element's `attribute` gives inside `scope` (null: it has none). */
export function fullNameIn(
  attrs: Readonly<Record<string, string>>,
  scope: string | null,
  attribute = 'name',
): string | null {
  const value = attr(attrs, attribute)?.trim();
  return value ? resolveScopedName(value, scope) : null;
}

/**
 * Visits every node in document order with the scope it sits in (the scope its ancestors open;
 * its own `scope` applies to its children only). Iterative: malformed pages nest deeply.
 */
export function walkScoped(
  root: HtmlNode,
  visit: (n: HtmlNode, scope: string | null) => void,
): void {
  const todo: [HtmlNode, string | null][] = [[root, null]];
  while (todo.length) {
    const [n, scope] = todo.pop()!;
    visit(n, scope);
    const inner = innerScope(n.attrs, scope);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push([n.children[i]!, inner]);
  }
}

/** Every named element of a parsed tree (src/html/tree.ts) with its full name, in document order. */
export function fullNames(root: HtmlNode, attribute = 'name'): Map<HtmlNode, string> {
  const out = new Map<HtmlNode, string>();
  walkScoped(root, (node, scope) => {
    const name = fullNameIn(node.attrs, scope, attribute);
    if (name) out.set(node, name);
  });
  return out;
}
