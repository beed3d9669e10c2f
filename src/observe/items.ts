import type { Scan } from './scan.js';
import { MAX_PART_LENGTH, slugify, stripVolatile } from './slug.js';
import { collapse } from './text.js';

/**
 * Attributes that carry an item's identity, best first (value prefixed `p` if numeric). Cart/order
 * line keys come first: two lines of one product (different size) must not share a key.
 */
const PRODUCT_ATTRIBUTES = [
  'data-line-key',
  'data-line-id',
  'data-cart-item-id',
  'data-cart-line-id',
  'data-product-id',
  'data-productid',
  'data-product-sku',
  'data-sku',
  'data-asin',
  'data-pid',
  'data-item-id',
  'data-variant-id',
  'data-product',
];
/** Generic identity attributes: used only on elements that repeat (lists, same-class siblings). */
const GENERIC_ID = /^data-(?:[a-z]+-)*(?:id|key|uid)$/;
const NOT_IDENTITY =
  /^data-(?:test|testid|test-id|qa|qa-id|cy|reactid|react-id|component-id|v-.*)$/;
const PRODUCT_SELECTOR = PRODUCT_ATTRIBUTES.map((a) => `[${a}]`).join(',');

/** Path segments that say "this is a product page" rather than which product. */
const GENERIC_SEGMENTS = new Set(['p', 'dp', 'gp', 'product', 'products', 'item', 'items', 'i',
  'detail', 'details', 'view', 'show', 'shop', 'catalog', 'index', 'en', 'us', 'de', 'fr']); // prettier-ignore
const ID_PARAMS = ['id', 'pid', 'product', 'product_id', 'productid', 'sku', 'item', 'item_id'];

/** How a repeated item is identified. `primaryHref` is the item's first link target. */
export interface ItemKey {
  key: string;
  source: 'attribute' | 'href' | 'title' | 'position';
  primaryHref: string | null;
}

function signature(el: Element): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').trim()}`;
}

/** Element children of the parent with the same tag and class as `el` (el included). */
function sameSiblings(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  const sig = signature(el);
  const out: Element[] = [];
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (signature(c) === sig) out.push(c);
  }
  return out;
}

function sameTagSiblings(el: Element): number {
  let n = 0;
  for (let c = el.parentElement?.firstElementChild ?? null; c; c = c.nextElementSibling) {
    if (c.tagName === el.tagName) n++;
  }
  return n;
}

function genericIdentity(el: Element): string | null {
  for (const attr of el.getAttributeNames()) {
    if (GENERIC_ID.test(attr) && !NOT_IDENTITY.test(attr)) {
      const v = el.getAttribute(attr)?.trim();
      if (v) return v;
    }
  }
  return null;
}

/** Most controls a card-like element found by its siblings may hold (more: a page section). */
const MAX_CARD_CONTROLS = 12;

/**
 * True for elements that are one of many alike: list items, table rows, elements carrying a
 * product identity attribute, and card-like elements with 2+ same-tag-and-class siblings (not
 * page sections: at most 12 controls and no h1/h2 inside).
 */
export function isRepeatedItem(el: Element, controls: number): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'li' || tag === 'dd') return true;
  if (tag === 'tr') return sameTagSiblings(el) >= 2; // a one-row layout table is no list
  if (PRODUCT_ATTRIBUTES.some((a) => el.hasAttribute(a))) return true;
  if (tag === 'body' || tag === 'main' || tag === 'form' || controls > MAX_CARD_CONTROLS) {
    return false;
  }
  if (tag !== 'article' && !el.getAttribute('class')) return false;
  return sameSiblings(el).length >= 2 && !el.querySelector('h1, h2');
}

/**
 * True for identity values that are machine keys rather than ids: hashes and UUIDs
 * (`a8f3e9c2d1b7`), and snake_case keys gluing an id to option values
 * (`p0095_color_white_size_m`). Catalog ids (`0042`, `B07FW264WL`, `r-881`) are kept.
 */
export function isMachineKey(value: string): boolean {
  const v = value.trim();
  for (const run of v.match(/[0-9a-f]{8,}/gi) ?? []) {
    if (/\d/.test(run) && /[a-f]/i.test(run)) return true;
  }
  if (!/^[a-z0-9]+(?:_[a-z0-9]+)+$/i.test(v)) return false;
  return v.split('_').some((seg) => /\d/.test(seg) && /[a-z]/i.test(seg));
}

function keyFromValue(value: string, prefix: string): string {
  if (isMachineKey(value)) return '';
  const slug = slugify(value);
  if (!slug) return '';
  return /^\d/.test(slug) ? (prefix + slug).slice(0, MAX_PART_LENGTH) : slug;
}

/** A stable key from a link target: the last path segment that names something, or an id param. */
export function keyFromHref(href: string, base: string): string {
  if (href.startsWith('#')) return slugify(href.slice(1));
  if (/^\s*javascript:/i.test(href)) return '';
  let url: URL;
  try {
    url = new URL(href, base || 'http://localhost/');
  } catch {
    return '';
  }
  const segments = url.pathname
    .split('/')
    .map((s) => decodeURIComponentSafe(s).replace(/\.(?:html?|php|aspx?|jsp)$/i, ''))
    .filter((s) => s && !/^ref[=_]/i.test(s) && !GENERIC_SEGMENTS.has(s.toLowerCase()));
  const last = segments[segments.length - 1];
  if (last) return keyFromValue(last, 'p');
  for (const param of ID_PARAMS) {
    const v = url.searchParams.get(param);
    if (v) return keyFromValue(v, 'p');
  }
  return '';
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function usableHref(a: Element): string | null {
  const href = (a.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) return null;
  return href;
}

/**
 * The stable identity of a repeated item, in this order: a product identity attribute (on the item
 * or inside it), a generic `data-*-id`, the target of its first link, its heading or title text,
 * and only as a last resort its position among alike siblings (`item_3`).
 */
export function itemKey(item: Element, scan: Scan, base: string): ItemKey {
  let primaryHref: string | null = null;
  for (const a of ownDescendants(item, 'a[href]')) {
    if (!scan.visible.has(a)) continue;
    primaryHref = usableHref(a);
    if (primaryHref) break;
  }
  const holder = PRODUCT_ATTRIBUTES.some((a) => item.hasAttribute(a))
    ? item
    : item.querySelector(PRODUCT_SELECTOR);
  if (holder) {
    for (const attr of PRODUCT_ATTRIBUTES) {
      const key = keyFromValue(holder.getAttribute(attr) ?? '', 'p');
      if (key) return { key, source: 'attribute', primaryHref };
    }
  }
  const generic = genericIdentity(item);
  if (generic) {
    const key = keyFromValue(generic, 'i');
    if (key) return { key, source: 'attribute', primaryHref };
  }
  if (primaryHref) {
    const key = keyFromHref(primaryHref, base);
    if (key) return { key, source: 'href', primaryHref };
  }
  const heading = ownDescendants(item, 'h1,h2,h3,h4,h5,h6,[title]')[0];
  const title = heading
    ? collapse(heading.textContent ?? '') || collapse(heading.getAttribute('title') ?? '')
    : '';
  let key = slugify(title);
  if (!key) {
    // the text of its first control ("COLLECTION" in a menu entry, a review's author link)
    const first = firstControl(item, scan);
    key = first ? slugify(stripVolatile(collapse(first.textContent ?? ''))) : '';
  }
  if (key) return { key, source: 'title', primaryHref };
  const index = sameSiblings(item).indexOf(item) + 1;
  return { key: `item_${index}`, source: 'position', primaryHref };
}

function firstControl(item: Element, scan: Scan): Element | null {
  if (scan.kinds.has(item)) return item;
  return ownDescendants(item, '*').find((el) => scan.kinds.has(el)) ?? null;
}

const NESTED_ITEM_TAGS = new Set(['LI', 'TR', 'DD', 'li', 'tr', 'dd']);

/** Descendants matching `selector` that belong to the item itself, not to a nested list item. */
function ownDescendants(item: Element, selector: string): Element[] {
  return Array.from(item.querySelectorAll(selector)).filter((el) => {
    for (let a = el.parentElement; a && a !== item; a = a.parentElement) {
      if (NESTED_ITEM_TAGS.has(a.tagName)) return false;
    }
    return !(el !== item && NESTED_ITEM_TAGS.has(el.tagName));
  });
}
