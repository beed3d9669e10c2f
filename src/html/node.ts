/** One node of a parsed HTML tree (src/html/tree.ts): an element, a text run, or the root. */
export interface HtmlNode {
  /** Lowercase tag name, "#text" for text, "#root" for the document. */
  tag: string;
  /** Attributes with lowercase names and decoded values (the first of a repeated name wins). */
  attrs: Readonly<Record<string, string>>;
  children: HtmlNode[];
  parent: HtmlNode | null;
  /** Decoded text of a "#text" node; '' for elements. */
  text: string;
}

/** The attribute's value, or null when the element does not have it. */
export function attr(attrs: Readonly<Record<string, string>>, name: string): string | null {
  return Object.hasOwn(attrs, name) ? attrs[name]! : null;
}

/** Visits every node of the subtree in document order (the root first). */
export function walk(root: HtmlNode, visit: (n: HtmlNode) => void): void {
  const todo = [root];
  while (todo.length) {
    const n = todo.pop()!;
    visit(n);
    for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
  }
}

/** The node's ancestors, nearest first. */
export function ancestors(n: HtmlNode): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** True when `inner` is `outer` or lies inside it. */
export function contains(outer: HtmlNode, inner: HtmlNode): boolean {
  for (let p: HtmlNode | null = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}
