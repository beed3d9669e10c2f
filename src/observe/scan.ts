import { nativeKind, inputType } from './interactables.js';
import type { ElementKind } from './observation.js';
import { labelIndex } from './text.js';
import type { DomEnv } from './visibility.js';

/** Elements whose content is never shown as page text. */
export const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'meta',
  'head',
  'title',
  'base',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'param',
]);

/** The result of one top-down walk: what is visible and what can be interacted with. */
export interface Scan {
  doc: Document;
  env: DomEnv;
  /** Visible elements (a pruned subtree contributes nothing). */
  visible: Set<Element>;
  /** Interactable elements in document order. */
  interactables: Element[];
  kinds: Map<Element, ElementKind>;
  /** For each element, how many interactables it contains (itself included). */
  controlCount: Map<Element, number>;
  /** Document order of every element the walk reached (visible or not). */
  order: Map<Element, number>;
  /** label[for] elements by the id they point at (see labelIndex). */
  labels: Map<string, Element[]>;
}

/** True when an element is rendered neither by itself nor by its subtree, whatever the env says. */
function isAlwaysHidden(el: Element, tag: string): boolean {
  if (DROPPED_TAGS.has(tag)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  if (tag === 'input' && inputType(el) === 'hidden') return true;
  return el.getAttribute('aria-hidden') === 'true' && !isPageRegion(el);
}

/**
 * aria-hidden hides icons and decorative duplicates from screen readers, but sites also put it on
 * the whole page behind an open modal (cookie banners), which a sighted shopper still sees. An
 * aria-hidden element holding the page title (h1) or form fields is such a region and is kept.
 */
function isPageRegion(el: Element): boolean {
  return el.querySelector('h1, input:not([type="hidden"]), select, textarea') !== null;
}

/** Walks the body once, pruning hidden subtrees, and finds every interactable element. */
export function scanDocument(doc: Document, env: DomEnv): Scan {
  const visible = new Set<Element>();
  const kinds = new Map<Element, ElementKind>();
  const found: Element[] = [];
  const pointerOnly = new Set<Element>();
  const hiddenToggles: Element[] = [];
  const order = new Map<Element, number>();
  const root = doc.body ?? doc.documentElement;

  const visit = (el: Element, insideControl: boolean): void => {
    order.set(el, order.size);
    const tag = el.tagName.toLowerCase();
    if (tag === 'svg' || tag === 'math') {
      if (!isAlwaysHidden(el, tag) && env.isVisible(el)) visible.add(el);
      return; // internals are never walked; serialize keeps a label if the svg has one
    }
    if (isAlwaysHidden(el, tag)) return;
    let kind = nativeKind(el);
    if (!env.isVisible(el)) {
      if (kind === 'checkbox' || kind === 'radio') hiddenToggles.push(el);
      return;
    }
    visible.add(el);
    if (!kind && !insideControl && tag !== 'label' && env.isPointer(el)) {
      kind = 'clickable';
      pointerOnly.add(el);
    }
    if (kind) {
      kinds.set(el, kind);
      found.push(el);
    }
    const inside = insideControl || kind !== null;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      visit(child, inside);
    }
  };
  if (root) {
    visible.add(root);
    for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
      visit(child, false);
    }
  }

  // A visually hidden checkbox/radio (custom swatches) is used through its visible label.
  const labels = labelIndex(doc);
  for (const toggle of hiddenToggles) {
    if (hasVisibleLabel(toggle, labels, visible)) {
      visible.add(toggle);
      kinds.set(toggle, nativeKind(toggle) as ElementKind);
      found.push(toggle);
    }
  }
  if (hiddenToggles.length) sortByOrder(found, order);

  // A control under an overlay (drawer, modal, cookie banner) is not offered; its text stays.
  if (env.isCovered) {
    const covered = new Set(found.filter((el) => env.isCovered!(el)));
    if (covered.size) {
      for (const el of covered) kinds.delete(el);
      found.splice(0, found.length, ...found.filter((el) => !covered.has(el)));
    }
  }

  // A pointer-cursor region is a control of its own only if it wraps no real control.
  const controlCount = countControls(found, root);
  const interactables = found.filter((el) => {
    if (!pointerOnly.has(el)) return true;
    const keep = controlCount.get(el) === 1 && hasText(el);
    if (!keep) {
      kinds.delete(el);
      for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
        controlCount.set(a, (controlCount.get(a) ?? 1) - 1);
      }
    }
    return keep;
  });
  return { doc, env, visible, interactables, kinds, controlCount, order, labels };
}

function countControls(found: Element[], root: Element | null): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const el of found) {
    for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  return counts;
}

function hasText(el: Element): boolean {
  if ((el.textContent ?? '').trim()) return true;
  return ['aria-label', 'title'].some((a) => (el.getAttribute(a) ?? '').trim()) ||
    el.querySelector('img[alt]:not([alt=""])') !== null;
} // prettier-ignore

function hasVisibleLabel(
  el: Element,
  labels: Map<string, Element[]>,
  visible: Set<Element>,
): boolean {
  const wrapping = el.closest('label');
  if (wrapping && visible.has(wrapping)) return true;
  const id = el.getAttribute('id');
  return !!id && (labels.get(id) ?? []).some((label) => visible.has(label));
}

/** Sorts elements the walk reached into document order (in place). */
export function sortByOrder(elements: Element[], order: Map<Element, number>): void {
  elements.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
