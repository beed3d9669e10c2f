/**
 * Text a screen reader reads but a sighted shopper does not see: "visually hidden" (sr-only, clip,
 * 1px) labels of icon buttons ("Open search", "Decrease quantity", "Close cart"). The walk prunes
 * such elements as invisible, so naming reads them here, and leaves out count badges whose number
 * changes with the page state ("🛒 0" -> "🛒 1").
 */
import type { Scan } from './scan.js';

const NEVER_READ = new Set(['script', 'style', 'noscript', 'template', 'title', 'head']);
const BADGE_WORD =
  /(?:^|[-_\s])(?:badge|count|counter|qty|quantity|bubble|indicator|pill)(?:$|[-_\s])/i;

function inlineHides(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(?:^|;)display:none|(?:^|;)visibility:hidden/.test(style);
}

/**
 * True when an element the walk left out is still read by assistive technology: not
 * aria-hidden, not `hidden`, not display:none or visibility:hidden (computed style when the DOM has
 * one, the inline style otherwise).
 */
export function readByScreenReader(el: Element): boolean {
  if (NEVER_READ.has(el.tagName.toLowerCase())) return false;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return false;
  if (inlineHides(el)) return false;
  const view = el.ownerDocument.defaultView as
    (Window & { getComputedStyle?: Window['getComputedStyle'] }) | null;
  if (view && typeof view.getComputedStyle === 'function') {
    const cs = view.getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') return false;
  }
  return true;
}

/**
 * True for a count badge: an element showing only a number ("3", "9+") whose class or attribute
 * names say badge/count/qty (`<span data-cart-count>0</span>`, `<i class="cart-badge">2</i>`).
 */
export function isCountBadge(el: Element): boolean {
  const text = (el.textContent ?? '').trim();
  if (!/^\d+\+?$/.test(text)) return false;
  if (BADGE_WORD.test(el.getAttribute('class') ?? '')) return true;
  return el.getAttributeNames().some((name) => name.startsWith('data-') && BADGE_WORD.test(name));
}

/**
 * The text a screen reader reads from an element's content: visible text plus visually hidden
 * text, image alt and svg titles, without count badges. Used when the visible text names nothing.
 */
export function spokenText(el: Element, scan: Scan, skip: Element | null = null): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      if (e === skip || isCountBadge(e)) continue;
      if (!scan.visible.has(e) && !readByScreenReader(e)) continue;
      const tag = e.tagName.toLowerCase();
      const aria = (e.getAttribute('aria-label') ?? '').trim();
      if (aria) parts.push(` ${aria} `);
      else if (tag === 'img') parts.push(` ${e.getAttribute('alt') ?? ''} `);
      else if (tag === 'svg') parts.push(` ${svgTitle(e)} `);
      else if (tag !== 'select' && tag !== 'textarea') {
        parts.push(' ');
        walk(e);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function svgTitle(svg: Element): string {
  for (let c = svg.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName.toLowerCase() === 'title') return c.textContent ?? '';
  }
  return '';
}
