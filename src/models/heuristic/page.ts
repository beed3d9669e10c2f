import type { Observation, ObservedElement } from '../../observe/observation.js';
import {
  inNav,
  isBuyButton,
  isCartLink,
  isCheckout,
  isNextPage,
  isPlaceOrder,
  isProductLink,
  isReviewControl,
  searchScore,
} from './controls.js';
import { ancestors, type HtmlNode } from '../../html/node.js';
import { parseHtml } from '../../html/tree.js';
import { indexNames, textOf } from './html.js';
import { groupItems, type Item } from './items.js';

const CONFIRMED =
  /\b(thank you for (?:your )?(?:order|purchase)|order (?:is )?(?:confirmed|placed|received|complete)|order confirmation|your order number|order #\s?\w+ (?:is )?(?:confirmed|placed))/i;

/** One observation read for shopping: usable controls, result items, the main product. */
export class PageView {
  readonly root: HtmlNode;
  readonly nodes: Map<string, HtmlNode>;
  /** Elements the shopper may act on: enabled and not rejected earlier in this step. */
  readonly usable: ObservedElement[];
  private itemsCache: Item[] | null = null;
  private itemNames: ReadonlySet<string> | null = null;
  private mainBuys: ObservedElement[] | null = null;
  private counts: Map<HtmlNode, number> | null = null;

  constructor(
    readonly obs: Observation,
    readonly avoid: ReadonlySet<string>,
  ) {
    this.root = parseHtml(obs.html);
    this.nodes = indexNames(this.root, new Set(obs.elements.map((e) => e.name)));
    this.usable = obs.elements.filter((e) => !e.disabled && !avoid.has(e.name));
  }

  /** How many named controls a subtree holds. */
  namedCount(node: HtmlNode): number {
    if (!this.counts) {
      const counts = new Map<HtmlNode, number>();
      const named = new Set(this.nodes.values());
      const count = (n: HtmlNode): number => {
        let c = named.has(n) ? 1 : 0;
        for (const child of n.children) c += count(child);
        counts.set(n, c);
        return c;
      };
      count(this.root);
      this.counts = counts;
    }
    return this.counts.get(node) ?? 0;
  }

  get url(): string {
    return this.obs.url;
  }

  find(test: (el: ObservedElement) => boolean): ObservedElement | null {
    return this.usable.find(test) ?? null;
  }

  /** Main heading (the product title on a product page). */
  heading(): string {
    let h1: HtmlNode | null = null;
    const todo = [this.root];
    for (let i = 0; i < todo.length && !h1; i++) {
      const n = todo[i]!;
      if (n.tag === 'h1') h1 = n;
      for (const c of n.children) todo.push(c);
    }
    return h1 ? textOf(h1) : this.obs.title;
  }

  text(): string {
    return textOf(this.root);
  }

  isConfirmation(): boolean {
    if (
      /(order|checkout)[-_/]?(confirm|complete|success|thank)|thank[-_]?you|confirmation/i.test(
        this.url,
      )
    )
      return true;
    const top = `${this.obs.title} ${this.heading()}`;
    return CONFIRMED.test(top) || (!this.placeOrder() && CONFIRMED.test(this.text().slice(0, 600)));
  }

  /** The site search box: the most search-like text input, else the only plain one on the page. */
  searchBox(): ObservedElement | null {
    const scored = this.usable
      .filter((e) => e.kind === 'text_input')
      .map((el) => ({ el, score: searchScore(el) + (this.inSearchForm(el) ? 3 : 0) }))
      .sort((a, b) => b.score - a.score);
    if (scored[0] && scored[0].score > 0) return scored[0].el;
    const plain = scored.filter((s) => s.score === 0);
    if (plain.length === 1 && !this.placeOrder() && !/checkout|login|sign|account/i.test(this.url))
      return plain[0]!.el;
    return null;
  }

  /**
   * What the control shows on the page: its content in the HTML, which can differ from its
   * element text (a dropdown labelled "Size" that shows "Select size").
   */
  shownText(el: ObservedElement): string {
    const n = this.nodes.get(el.name);
    return n ? textOf(n).trim() : el.text.trim();
  }

  private inSearchForm(el: ObservedElement): boolean {
    const n = this.nodes.get(el.name);
    if (!n) return false;
    return ancestors(n).some(
      (a) =>
        a.tag === 'search' ||
        a.attrs['role'] === 'search' ||
        (a.tag === 'form' &&
          /search|find|query/i.test(
            `${a.attrs['action'] ?? ''} ${a.attrs['class'] ?? ''} ${a.attrs['id'] ?? ''}`,
          )),
    );
  }

  productLinks(): ObservedElement[] {
    return this.usable.filter(isProductLink);
  }

  /** Result / listing items grouped from product links and their sibling controls. */
  items(): Item[] {
    this.itemsCache ??= groupItems(this);
    return this.itemsCache;
  }

  /** Names of the controls that belong to a listing item. */
  itemMemberNames(): ReadonlySet<string> {
    this.itemNames ??= new Set(this.items().flatMap((i) => i.members.map((m) => m.name)));
    return this.itemNames;
  }

  /** Buy controls that belong to no listing item: the product page's own "Add to cart". */
  mainBuyButtons(): ObservedElement[] {
    const inItems = this.itemMemberNames();
    this.mainBuys ??= this.obs.elements.filter(
      (e) => isBuyButton(e) && !inItems.has(e.name) && !inNav(e),
    );
    return this.mainBuys;
  }

  isProductPage(): boolean {
    return this.mainBuyButtons().length > 0;
  }

  placeOrder(): ObservedElement | null {
    return this.find(isPlaceOrder);
  }

  checkout(): ObservedElement | null {
    return this.find((e) => isCheckout(e) && !inNavUnlessCheckout(e));
  }

  cartLink(): ObservedElement | null {
    return this.find(isCartLink);
  }

  reviewControls(): ObservedElement[] {
    const inItems = this.itemMemberNames();
    return this.usable.filter((e) => isReviewControl(e) && !inItems.has(e.name) && !inNav(e));
  }

  nextPage(): ObservedElement | null {
    return this.find((e) => isNextPage(e) && !/review/i.test(e.name));
  }
}

/** Header "Checkout" links are fine; other nav links mentioning checkout are not. */
function inNavUnlessCheckout(el: ObservedElement): boolean {
  return inNav(el) && !/check ?out/i.test(el.text);
}
