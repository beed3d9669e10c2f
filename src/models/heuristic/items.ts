import type { ObservedElement } from '../../observe/observation.js';
import { hasProductHref, isBuyButton, lastSegment, parentName, productKey } from './controls.js';
import { contains, type HtmlNode } from '../../html/node.js';
import { isStruck, textOf } from './html.js';
import { ItemPresence, elementsByPrefix, elementsInside, headingHolders } from './item-index.js';
import type { PageView } from './page.js';
import {
  OUT_OF_STOCK,
  findPrices,
  findRating,
  findReviewCount,
  firstPrice,
  squash,
} from './text.js';

/** One product in a listing, with the controls and text that belong to it. */
export interface Item {
  /** Name prefix shared by the item's controls, or the link's own name on flat listings. */
  key: string;
  link: ObservedElement;
  members: ObservedElement[];
  buy: ObservedElement | null;
  title: string;
  /** All text of the item's card. */
  text: string;
  price: number | null;
  rating: number | null;
  reviews: number | null;
  inStock: boolean;
  product: string | null;
}

const CARD = /^(li|article|tr|dd)$/;
const NOT_A_CARD = /^(#root|html|body|main|ul|ol|table|tbody|form|nav|header|footer|aside)$/;
/** A card holding more named controls than this is a section, not one product. */
const MAX_CARD_CONTROLS = 12;

/** What cardOf needs to know about the page beyond the item's own nodes. */
interface CardContext {
  page: PageView;
  presence: ItemPresence;
  headings: ReadonlySet<HtmlNode>;
}

/**
 * The item's card: the smallest subtree holding all of its nodes, grown while it holds no other
 * item, up to a list item / article, and never into the page's heading, a whole list or a
 * section with many controls.
 */
function cardOf(cx: CardContext, item: number, nodes: HtmlNode[]): HtmlNode | null {
  if (!nodes.length) return null;
  let card: HtmlNode | null = nodes[0]!;
  while (card && !nodes.every((n) => contains(card!, n))) card = card.parent;
  while (card?.parent && !CARD.test(card.tag)) {
    const up: HtmlNode = card.parent;
    if (NOT_A_CARD.test(up.tag) || cx.presence.holdsOther(up, item)) break;
    if (cx.headings.has(up) && !cx.headings.has(card)) break;
    if (cx.page.namedCount(up) > MAX_CARD_CONTROLS) break;
    card = up;
  }
  return card;
}

/** Product links grouped by item: a shared name prefix, or the link alone on flat listings. */
function groupLinks(links: ObservedElement[]): Map<string, ObservedElement[]> {
  const hrefsByParent = new Map<string, Set<string>>();
  for (const l of links) {
    const p = parentName(l.name);
    if (!hrefsByParent.has(p)) hrefsByParent.set(p, new Set());
    hrefsByParent.get(p)!.add(l.href ?? l.text);
  }
  const groups = new Map<string, ObservedElement[]>();
  for (const l of links) {
    const p = parentName(l.name);
    const key = p && hrefsByParent.get(p)!.size === 1 ? p : l.name;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  }
  return groups;
}

/**
 * Listing items (results, featured, related products). Controls belong to an item by name
 * prefix, or on flat listings by sitting in its card. A link found only by its name counts as a
 * product when its card shows a price or a buy button; links to the current page do not count.
 */
export function groupItems(page: PageView): Item[] {
  const self = productKey(page.url);
  const groups = groupLinks(
    page.productLinks().filter((l) => !l.href || productKey(l.href) !== self),
  );
  const keys = [...groups.keys()];
  const all = page.obs.elements;
  const flat = (key: string): boolean => key === groups.get(key)![0]!.name;
  const byPrefix = elementsByPrefix(all);
  const memberLists = keys.map((key) => (flat(key) ? groups.get(key)! : (byPrefix.get(key) ?? [])));
  const nodesOf = (els: ObservedElement[]): HtmlNode[] =>
    els.map((e) => page.nodes.get(e.name)).filter((n): n is HtmlNode => !!n);
  const ownNodes = memberLists.map(nodesOf);
  const cx: CardContext = {
    page,
    presence: new ItemPresence(ownNodes),
    headings: headingHolders(page.root),
  };
  const indexOf = new Map(all.map((e, i) => [e, i]));
  const byNode = new Map<HtmlNode, number[]>();
  all.forEach((e, i) => {
    const n = page.nodes.get(e.name);
    if (n) byNode.set(n, [...(byNode.get(n) ?? []), i]);
  });
  const items = keys.map((key, i): Item => {
    const card = cardOf(cx, i, ownNodes[i]!);
    const members =
      card && flat(key)
        ? [
            ...new Set([
              ...memberLists[i]!.map((e) => indexOf.get(e)!),
              ...elementsInside(card, byNode),
            ]),
          ]
            .sort((a, b) => a - b)
            .map((at) => all[at]!)
        : memberLists[i]!;
    const linkEls = groups.get(key)!;
    const longest = [...linkEls].sort((a, b) => b.text.length - a.text.length)[0]!;
    const link = linkEls.find((l) => /title|name/i.test(lastSegment(l.name))) ?? longest;
    const text = card ? textOf(card, isStruck) : squash(members.map((m) => m.text).join(' '));
    return {
      key,
      link,
      members,
      buy: members.find((m) => isBuyButton(m) && !m.disabled) ?? null,
      title: squash(longest.text) || text.slice(0, 80),
      text,
      price: firstPrice(text),
      rating: findRating(text),
      reviews: findReviewCount(text),
      inStock: !OUT_OF_STOCK.test(text),
      product: link.href ? productKey(link.href) : null,
    };
  });
  return items.filter(
    (item) =>
      (item.link.href !== null && hasProductHref(item.link.href)) ||
      item.price !== null ||
      item.members.some(isBuyButton),
  );
}

/** Title, price and rating of the product a product page is about. */
export interface MainProduct {
  title: string;
  price: number | null;
  rating: number | null;
  inStock: boolean;
}

export function mainProduct(page: PageView): MainProduct {
  const buy = page.mainBuyButtons()[0];
  const itemNodes = new Set(
    page.items().flatMap((i) => i.members.map((m) => page.nodes.get(m.name))),
  );
  const skipChoices = (n: HtmlNode): boolean =>
    isStruck(n) || /^(select|option|label)$/.test(n.tag) || itemNodes.has(n);
  let price: number | null = null;
  let scope: HtmlNode | null = buy ? (page.nodes.get(buy.name) ?? null) : null;
  for (; scope && price === null; scope = scope.parent) {
    price = findPrices(textOf(scope, skipChoices))[0] ?? null;
  }
  price ??= firstPrice(textOf(page.root, skipChoices));
  const text = page.text();
  return {
    title: page.heading(),
    price,
    rating: findRating(text),
    inStock: buy ? !buy.disabled : !OUT_OF_STOCK.test(text),
  };
}
