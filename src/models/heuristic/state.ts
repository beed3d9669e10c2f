import { normalizeText } from '../../action.js';
import { COVERED_BY_ANOTHER_ELEMENT } from '../../errors.js';
import type { ObservedElement } from '../../observe/observation.js';
import type { HistoryStep } from '../model.js';
import {
  isBuyButton,
  isNextPage,
  isPlaceOrder,
  isProductLink,
  isReviewControl,
  productKey,
} from './controls.js';
import { perObservation } from './memo.js';
import { PageView } from './page.js';
import { fieldRole } from './checkout-fields.js';
import { UNCHOSEN } from './options.js';
import { ACCEPT, CLOSE } from './overlay-policy.js';

/** What the shopper remembers of this session, rebuilt from the request's history each step. */
export interface SessionState {
  steps: number;
  /** Texts typed into search boxes, oldest first, normalised. */
  queries: string[];
  /** Checkout fields typed into (by name) and how many times. */
  typed: Map<string, number>;
  /** Product pages (by product key) the shopper has been on, in visit order, distinct. */
  visited: string[];
  /** The shopper went on from a product page to another page (to compare, or back to a list). */
  leftProduct: boolean;
  /** Product keys whose reviews the shopper opened, and how many review pages each. */
  reviewed: Map<string, number>;
  /** Clicks that only cleared the way (closing pop-ups, opening option lists): no patience lost. */
  chores: number;
  /** A buy control was clicked without error. */
  addedToCart: boolean;
  /** A place-order control was clicked (maybe with an error). */
  orderAttempts: number;
  /** "Next page" clicks since the last search. */
  pagesSinceSearch: number;
  /** Names clicked per page key (url without hash), to avoid repeating a choice. */
  clickedOn: Map<string, Set<string>>;
  /** Names whose action failed or had no effect on the page it was tried on (not: covered). */
  failedOn: Map<string, Set<string>>;
}

function pageKey(url: string): string {
  return url.replace(/#.*$/, '');
}

const isProductPage = perObservation((o) => new PageView(o, new Set()).isProductPage());

/** A clicked name the page no longer lists, read as a plain button. */
function unknownButton(name: string): ObservedElement {
  return {
    name,
    kind: 'button',
    text: '',
    tag: '',
    href: null,
    value: null,
    checked: null,
    disabled: false,
    inputType: null,
    screen: null,
    prominence: null,
  };
}

/** Dismissing an overlay or opening an option list. */
function isChore(el: ObservedElement): boolean {
  const text = el.text.trim();
  return CLOSE.test(text) || ACCEPT.test(text) || UNCHOSEN.test(text);
}

function add(map: Map<string, Set<string>>, key: string, name: string): void {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(name);
}

export function readHistory(
  history: HistoryStep[],
  nextUrl: string,
  nextHtml: string,
): SessionState {
  const state: SessionState = {
    steps: history.length,
    queries: [],
    typed: new Map(),
    chores: 0,
    visited: [],
    leftProduct: false,
    reviewed: new Map(),
    addedToCart: false,
    orderAttempts: 0,
    pagesSinceSearch: 0,
    clickedOn: new Map(),
    failedOn: new Map(),
  };
  let lastProduct: string | null = null;
  history.forEach((step, i) => {
    const url = step.observation.url;
    const page = pageKey(url);
    const a = step.action;
    if (isProductPage(step.observation) && !state.visited.includes(productKey(url)))
      state.visited.push(productKey(url));
    const next = history[i + 1]?.observation ?? { url: nextUrl, html: nextHtml };
    // on a product page (an overlay over it keeps its url): did the shopper go on elsewhere?
    if (isProductPage(step.observation)) lastProduct = productKey(url);
    if (lastProduct !== null && productKey(next.url) !== lastProduct) state.leftProduct = true;
    const noEffect =
      a.type === 'click' &&
      next.url === url &&
      next.html === step.observation.html &&
      next.html !== '';
    // a click an overlay got in the way of (it appeared after the page was read) is tried again
    // once the overlay is gone
    const failed = (step.error && !step.error.includes(COVERED_BY_ANOTHER_ELEMENT)) || noEffect;
    if (a.type !== 'terminate' && failed) add(state.failedOn, page, a.name);
    if (a.type === 'type_and_submit') {
      const field = step.observation.elements.find((e) => e.name === a.name);
      if (field && fieldRole(field)) {
        state.typed.set(a.name, (state.typed.get(a.name) ?? 0) + 1);
      } else {
        state.queries.push(normalizeText(a.text));
        state.pagesSinceSearch = 0;
      }
    }
    if (a.type !== 'click') return;
    add(state.clickedOn, page, a.name);
    const target =
      step.observation.elements.find((e) => e.name === a.name) ?? unknownButton(a.name);
    if (isChore(target)) state.chores++;
    if (isBuyButton(target) && !step.error && !noEffect) state.addedToCart = true;
    if (isPlaceOrder(target)) state.orderAttempts++;
    if (isReviewControl(target) && !isProductLink(target)) {
      const key = productKey(url);
      state.reviewed.set(key, (state.reviewed.get(key) ?? 0) + 1);
    } else if (isNextPage(target)) state.pagesSinceSearch++;
  });
  return state;
}

export function clickedHere(state: SessionState, url: string): Set<string> {
  return state.clickedOn.get(pageKey(url)) ?? new Set();
}

export function failedHere(state: SessionState, url: string): Set<string> {
  return state.failedOn.get(pageKey(url)) ?? new Set();
}
