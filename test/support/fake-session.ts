import type { Action } from '../../src/action.js';
import { ActionError, ElementNotFoundError } from '../../src/errors.js';
import type { Observation, ObservedElement } from '../../src/observe/observation.js';
import type { ShopperSession } from '../../src/session/shopper-session.js';

/** One page of a fake shop: its elements, and where each link or form leads. */
export interface FakePage {
  title: string;
  elements: (Partial<ObservedElement> & { name: string })[];
  /** Element name -> URL path the click (or the text entry) leads to. */
  leadsTo?: Record<string, string>;
  /** Element names whose action the "browser" refuses (covered, detached, ...). */
  broken?: string[];
  /** An <h1> for the simplified HTML. */
  heading?: string;
}

/**
 * A browser session without a browser: pages are plain data, actions move between them. The
 * session loop's logic (sources, errors, outcomes, limits, interruption) runs against it in
 * milliseconds; the real browser is tested in test/browser and end to end.
 */
export class FakeSession implements ShopperSession {
  closed = false;
  readonly executed: Action[] = [];
  observations = 0;
  private path: string;

  constructor(
    private readonly pages: Record<string, FakePage>,
    start = '/',
    private readonly origin = 'http://shop.test',
  ) {
    this.path = start;
  }

  observe(): Promise<Observation> {
    if (this.closed) return Promise.reject(new Error('the fake session is closed'));
    this.observations++;
    const page = this.page();
    const elements: ObservedElement[] = page.elements.map((e) => ({
      kind: 'link',
      text: '',
      tag: 'a',
      href: null,
      value: null,
      checked: null,
      disabled: false,
      inputType: null,
      screen: null,
      prominence: null,
      ...e,
    }));
    const html =
      (page.heading ? `<h1>${page.heading}</h1>` : '') +
      elements
        .map((e) =>
          e.kind === 'text_input'
            ? `<input name="${e.name}"${e.value ? ` value="${e.value}"` : ''}>`
            : `<a name="${e.name}">${e.text}</a>`,
        )
        .join('');
    return Promise.resolve({ url: this.origin + this.path, title: page.title, html, elements });
  }

  /** What execute reports as its settle wait (a browser session measures it). */
  settleMs: number | undefined = undefined;

  execute(action: Action): Promise<{ urlAfter: string; settleMs?: number }> {
    this.executed.push(action);
    if (action.type === 'terminate') {
      this.closed = true;
      return Promise.resolve({ urlAfter: this.origin + this.path });
    }
    const page = this.page();
    const names = page.elements.map((e) => e.name);
    if (!names.includes(action.name)) {
      return Promise.reject(new ElementNotFoundError(action.name, []));
    }
    if (page.broken?.includes(action.name)) {
      return Promise.reject(new ActionError(`${action.name} is covered by another element.`));
    }
    const target = page.leadsTo?.[action.name];
    if (target === 'CLOSE') this.closed = true;
    else if (target) this.path = target;
    return Promise.resolve({ urlAfter: this.origin + this.path, settleMs: this.settleMs });
  }

  screenshot(file: string): Promise<string> {
    return Promise.resolve(file);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private page(): FakePage {
    const page = this.pages[this.path.split('?')[0]!];
    if (!page) throw new Error(`the fake shop has no page ${this.path}`);
    return page;
  }
}

/** A three-page shop: home -> product -> order confirmation, plus a search. */
export const TINY_SHOP: Record<string, FakePage> = {
  '/': {
    title: 'Home',
    elements: [
      { name: 'search.query_input', kind: 'text_input', tag: 'input', inputType: 'text' },
      { name: 'results.item_1.title_link', text: 'Blue mug' },
      { name: 'promo.banner_link', text: 'Sale' },
    ],
    leadsTo: { 'search.query_input': '/search', 'results.item_1.title_link': '/product' },
    broken: ['promo.banner_link'],
  },
  '/search': {
    title: 'Search',
    elements: [{ name: 'results.item_1.title_link', text: 'Blue mug' }],
    leadsTo: { 'results.item_1.title_link': '/product' },
  },
  '/product': {
    title: 'Blue mug',
    elements: [
      { name: 'product_form.buy_now', kind: 'button', tag: 'button', text: 'Buy now' },
      { name: 'pay.card_number_input', kind: 'text_input', tag: 'input', text: 'Card number' },
      { name: 'nav.close_tab', text: 'Close' },
    ],
    leadsTo: { 'product_form.buy_now': '/order/ORD-1', 'nav.close_tab': 'CLOSE' },
  },
  '/order/ORD-1': { title: 'Order ORD-1', heading: 'Order confirmed', elements: [] },
};
