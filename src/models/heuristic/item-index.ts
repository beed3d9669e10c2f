/**
 * Indexes that let the heuristic group listing items in time near-linear in the page size:
 * elements by every dotted name prefix, which items have controls under each node, and which
 * nodes hold a page heading. Built once per page; each answers in constant or output time what
 * a scan of the whole page would.
 */
import type { ObservedElement } from '../../observe/observation.js';
import type { HtmlNode } from '../../html/node.js';

/** Elements under each dotted name prefix ("a.b" for "a.b.c"), in page order. */
export function elementsByPrefix(
  elements: readonly ObservedElement[],
): Map<string, ObservedElement[]> {
  const byPrefix = new Map<string, ObservedElement[]>();
  for (const el of elements) {
    for (let at = el.name.indexOf('.'); at >= 0; at = el.name.indexOf('.', at + 1)) {
      const prefix = el.name.slice(0, at);
      const list = byPrefix.get(prefix);
      if (list) list.push(el);
      else byPrefix.set(prefix, [el]);
    }
  }
  return byPrefix;
}

/**
 * For each node, up to two distinct items that have a control inside it (the node included).
 * Two are enough to answer "does this node hold a control of an item other than i".
 */
export class ItemPresence {
  private readonly present = new Map<HtmlNode, number[]>();

  constructor(nodesByItem: readonly (readonly HtmlNode[])[]) {
    nodesByItem.forEach((nodes, item) => {
      for (const node of nodes) {
        for (let n: HtmlNode | null = node; n; n = n.parent) {
          const seen = this.present.get(n);
          if (!seen) this.present.set(n, [item]);
          else if (seen.includes(item) || seen.length >= 2) break;
          else seen.push(item);
        }
      }
    });
  }

  /** True when `node` holds a control of some item other than `item`. */
  holdsOther(node: HtmlNode, item: number): boolean {
    const seen = this.present.get(node);
    return !!seen && (seen.length >= 2 || seen[0] !== item);
  }
}

/** Nodes that are or contain an h1, found from the h1s upward. */
export function headingHolders(root: HtmlNode): ReadonlySet<HtmlNode> {
  const holders = new Set<HtmlNode>();
  const todo = [root];
  while (todo.length) {
    const n = todo.pop()!;
    if (n.tag === 'h1')
      for (let p: HtmlNode | null = n; p && !holders.has(p); p = p.parent) holders.add(p);
    for (const c of n.children) todo.push(c);
  }
  return holders;
}

/** Indexes of the elements whose node lies in `card`'s subtree, via each node's element indexes. */
export function elementsInside(card: HtmlNode, byNode: ReadonlyMap<HtmlNode, number[]>): number[] {
  const found: number[] = [];
  const todo = [card];
  while (todo.length) {
    const n = todo.pop()!;
    const at = byNode.get(n);
    if (at) found.push(...at);
    for (const c of n.children) todo.push(c);
  }
  return found;
}
