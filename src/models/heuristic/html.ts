/**
 * A tiny, forgiving HTML tree reader for the simplified HTML of an observation. The heuristic
 * model only needs structure (which text sits in which card) so it does not pull in a DOM library.
 */

import { decodeEntities } from '../../html-entities.js';

export interface HNode {
  /** Lowercase tag name, or "#text". */
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
  parent: HNode | null;
  /** Decoded text of a "#text" node. */
  text: string;
}

const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const TOKEN =
  /<!--[\s\S]*?-->|<!\w[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|([^<]+)|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function node(tag: string, parent: HNode | null, attrs: Record<string, string> = {}): HNode {
  return { tag, attrs, children: [], parent, text: '' };
}

/**
 * Elements whose end tag HTML lets a page (and the compact simplified HTML) leave out: opening
 * one closes an open one of the same kind up to its container, as a browser's parser does.
 */
const IMPLIED_END: Record<string, { same: string[]; boundary: string[] }> = {
  li: { same: ['li'], boundary: ['ul', 'ol', 'menu'] },
  dt: { same: ['dt', 'dd'], boundary: ['dl'] },
  dd: { same: ['dt', 'dd'], boundary: ['dl'] },
  tr: { same: ['tr'], boundary: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { same: ['td', 'th'], boundary: ['tr', 'table'] },
  th: { same: ['td', 'th'], boundary: ['tr', 'table'] },
  option: { same: ['option'], boundary: ['select', 'datalist', 'optgroup'] },
};

function closeImplied(stack: HNode[], tag: string): void {
  const rule = IMPLIED_END[tag];
  if (!rule) return;
  for (let i = stack.length - 1; i > 0; i--) {
    const open = stack[i]!.tag;
    if (rule.boundary.includes(open)) return;
    if (rule.same.includes(open)) {
      stack.length = i;
      return;
    }
  }
}

export function parseHtml(html: string): HNode {
  const root = node('#root', null);
  const stack: HNode[] = [root];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const top = stack[stack.length - 1]!;
    const [all, closing, rawTag, rawAttrs, selfClosing, text] = m;
    if (text !== undefined || all === '<') {
      const t = node('#text', top);
      t.text = decodeEntities(text ?? all);
      top.children.push(t);
      continue;
    }
    if (!rawTag) continue; // comment or doctype
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(rawAttrs ?? ''); a; a = ATTR.exec(rawAttrs ?? '')) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    closeImplied(stack, tag);
    const parent = stack[stack.length - 1]!;
    const el = node(tag, parent, attrs);
    parent.children.push(el);
    if (!VOID.has(tag) && !selfClosing) stack.push(el);
  }
  return root;
}

export function walk(root: HNode, visit: (n: HNode) => void): void {
  const todo = [root];
  while (todo.length) {
    const n = todo.pop()!;
    visit(n);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
  }
}

/** Visible text of a subtree; `skip` drops whole subtrees (e.g. struck-out old prices). */
export function textOf(root: HNode, skip?: (n: HNode) => boolean): string {
  const parts: string[] = [];
  const visit = (n: HNode): void => {
    if (skip?.(n)) return;
    if (n.tag === '#text') parts.push(n.text);
    else {
      const label = n.attrs['aria-label'] ?? n.attrs['alt'];
      if (label) parts.push(label);
      for (const c of n.children) visit(c);
    }
    if (/^(p|div|li|br|tr|h\d|section|article)$/.test(n.tag)) parts.push(' ');
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Maps each wanted name to the element carrying it in any attribute (name, data-*, id...). */
export function indexNames(root: HNode, names: ReadonlySet<string>): Map<string, HNode> {
  const found = new Map<string, HNode>();
  walk(root, (n) => {
    for (const value of Object.values(n.attrs)) {
      if (names.has(value) && !found.has(value)) found.set(value, n);
    }
  });
  return found;
}

export function ancestors(n: HNode): HNode[] {
  const out: HNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

export function contains(outer: HNode, inner: HNode): boolean {
  for (let p: HNode | null = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}

/** Struck-out prices ("was $40") are not the price to pay. */
export function isStruck(n: HNode): boolean {
  return (
    /^(del|s|strike)$/.test(n.tag) ||
    /\b(was|old|original|strike|compare)[-_]?price/i.test(n.attrs['class'] ?? '')
  );
}
