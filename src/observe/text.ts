import { isCountBadge, spokenText } from './hidden-text.js';
import { inputType } from './interactables.js';
import type { ElementKind } from './observation.js';
import type { Scan } from './scan.js';

/** Collapses whitespace runs to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text collapsed and, when longer than `max`, cut to `max` characters ending in `…`. */
export function clip(text: string, max: number): string {
  const flat = collapse(text);
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** The accessible label of an svg (aria-label or its own <title>), or ''. */
export function svgLabel(svg: Element): string {
  const aria = collapse(svg.getAttribute('aria-label') ?? '');
  if (aria) return aria;
  for (let c = svg.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName.toLowerCase() === 'title') return collapse(c.textContent ?? '');
  }
  return '';
}

/**
 * Visible text of an element: text of visible descendants, svg labels, and image alt text when the
 * element has no text of its own (an image-only link reads as its alt). `skip` excludes a subtree.
 */
export function visibleText(el: Element, scan: Scan, skip: Element | null = null): string {
  const parts: string[] = [];
  const alts: string[] = [];
  const walk = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const e = child as Element;
        if (e === skip || !scan.visible.has(e) || isCountBadge(e)) continue;
        const tag = e.tagName.toLowerCase();
        const aria = e.getAttribute('aria-label');
        if (tag === 'svg') alts.push(svgLabel(e));
        else if (tag === 'img') alts.push(e.getAttribute('alt') ?? '');
        else if (aria && aria.trim())
          parts.push(` ${aria} `); // e.g. stars drawn with CSS
        else if (tag === 'select' || tag === 'textarea') continue;
        else {
          parts.push(' ');
          walk(e);
          parts.push(' ');
        }
      }
    }
  };
  walk(el);
  const text = collapse(parts.join(''));
  const alt = collapse(alts.join(' '));
  // a bare number next to an icon is a badge ("🛒 2"): the icon's label names the control
  return alt && !/\p{L}/u.test(text) ? alt : text || alt;
}

/** label[for] lookups for one document, built once. */
export function labelIndex(doc: Document): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  for (const label of doc.querySelectorAll('label[for]')) {
    const id = label.getAttribute('for') ?? '';
    const list = index.get(id);
    if (list) list.push(label);
    else index.set(id, [label]);
  }
  return index;
}

/**
 * The text of the elements an aria-labelledby (space-separated ids) points at, or ''. With `self`,
 * a reference to the element itself (or, for `self` showing a current value, into it) is left out:
 * Base UI / Radix selects label their trigger "Size M", and the M changes with the choice.
 */
export function textOfIds(doc: Document, ids: string | null, self: Element | null = null): string {
  if (!ids) return '';
  const valueShowing = self !== null && showsValue(self);
  return collapse(
    ids
      .split(/\s+/)
      .map((id) => {
        const target = id ? doc.getElementById(id) : null;
        if (!target || target === self) return '';
        if (valueShowing && self.contains(target)) return '';
        return target.textContent ?? '';
      })
      .join(' '),
  );
}

/** A custom select's trigger (its content is the current choice). */
export function showsValue(el: Element): boolean {
  return (
    el.getAttribute('aria-haspopup') === 'listbox' || (el.getAttribute('role') ?? '') === 'combobox'
  );
}

/** The visible text of an element, or what a screen reader reads when that names nothing. */
function readableText(el: Element, scan: Scan, skip: Element | null = null): string[] {
  const visible = visibleText(el, scan, skip);
  if (/\p{L}/u.test(visible)) return [visible];
  return [spokenText(el, scan, skip), visible];
}

/**
 * Candidate labels of a control, best first: aria-label, aria-labelledby, then by kind the
 * associated <label>, visible text, placeholder, title, alt, value and the name attribute.
 * Empty strings are removed; callers take the first that slugs to something.
 */
export function labelCandidates(el: Element, kind: ElementKind, scan: Scan): string[] {
  const attr = (name: string): string => collapse(el.getAttribute(name) ?? '');
  const out = [attr('aria-label'), textOfIds(scan.doc, el.getAttribute('aria-labelledby'), el)];
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' ? inputType(el) : '';
  const field =
    kind === 'text_input' ||
    kind === 'textarea' ||
    kind === 'select' ||
    ((kind === 'checkbox' || kind === 'radio') && tag === 'input');
  if (field) {
    const id = el.getAttribute('id');
    for (const label of (id && scan.labels.get(id)) || [])
      out.push(...readableText(label, scan, el));
    const wrapping = el.closest('label');
    if (wrapping) out.push(...readableText(wrapping, scan, el));
    out.push(attr('placeholder'), attr('title'));
    if (kind === 'checkbox' || kind === 'radio') {
      const value = attr('value');
      if (value && value !== 'on') out.push(value);
    }
    out.push(attr('name'));
  } else if (tag === 'input') {
    out.push(attr('value'), attr('alt'), attr('title'));
    if (type === 'submit') out.push('submit');
    if (type === 'reset') out.push('reset');
    out.push(attr('name'));
  } else {
    // a custom select's content is its current choice: its label names it, the choice does not
    if (!showsValue(el) || out.every((t) => !t)) out.push(...readableText(el, scan));
    out.push(attr('title'));
    if (kind === 'option') out.push(attr('value'));
    out.push(attr('name'));
  }
  return out.filter((s) => s.length > 0);
}
