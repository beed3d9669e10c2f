import { containerPart, type ContainerPart } from './containers.js';
import { isRepeatedItem, itemKey, keyFromHref, type ItemKey } from './items.js';
import type { ElementKind } from './observation.js';
import type { Scan } from './scan.js';
import { idPart, slugify, stripVolatile } from './slug.js';
import { labelCandidates, labelIndex } from './text.js';

/** Per-document memo of the expensive lookups naming needs. */
export class NamingContext {
  readonly labels: Map<string, Element[]>;
  private readonly parts = new Map<Element, ContainerPart | null>();
  private readonly repeated = new Map<Element, boolean>();
  private readonly keys = new Map<Element, ItemKey>();
  /** Items that give their key to the controls inside them (2+ controls). */
  readonly keyedItems = new Set<Element>();

  constructor(
    readonly scan: Scan,
    readonly base: string,
  ) {
    this.labels = labelIndex(scan.doc);
  }

  part(el: Element): ContainerPart | null {
    if (!this.parts.has(el)) this.parts.set(el, containerPart(el));
    return this.parts.get(el) ?? null;
  }

  isItem(el: Element): boolean {
    let v = this.repeated.get(el);
    if (v === undefined) {
      v = isRepeatedItem(el, this.scan.controlCount.get(el) ?? 0);
      this.repeated.set(el, v);
    }
    return v;
  }

  key(item: Element): ItemKey {
    let k = this.keys.get(item);
    if (!k) this.keys.set(item, (k = itemKey(item, this.scan, this.base)));
    return k;
  }

  /** Candidate labels of a control, best first. */
  labelTexts(el: Element, kind: ElementKind): string[] {
    return labelCandidates(el, kind, this.scan, this.labels);
  }

  /** The nearest ancestor-or-self repeated item, whatever it contains (for recipe `{key}`). */
  nearestItem(el: Element): Element | null {
    for (let a: Element | null = el; a && a !== this.scan.doc.body; a = a.parentElement) {
      if (this.isItem(a)) return a;
    }
    return null;
  }
}

const DEFAULT_LABEL: Record<ElementKind, string> = {
  link: 'link',
  button: 'button',
  text_input: 'input',
  textarea: 'input',
  select: 'select',
  option: 'option',
  checkbox: 'checkbox',
  radio: 'radio',
  clickable: 'clickable',
};

/** The control's own part of its name: its label slug, without prices or badge counts. */
export function ownLabel(ctx: NamingContext, el: Element, kind: ElementKind): string {
  const texts = ctx.labelTexts(el, kind);
  let label = '';
  for (const text of texts) {
    label = slugify(stripVolatile(text));
    if (label) break;
  }
  // a label that is only a price or a count: the link target, else the raw text
  if (!label && kind === 'link') label = keyFromHref(el.getAttribute('href') ?? '', ctx.base);
  if (!label) label = texts.map((t) => slugify(t)).find(Boolean) ?? DEFAULT_LABEL[kind];
  if ((kind === 'text_input' || kind === 'textarea') && !label.endsWith('input')) {
    label = `${label}_input`.replace(/^(.{40}).*$/, '$1');
  }
  return label;
}

/**
 * The generic (un-suffixed) name of a control:
 *   [section] [subsection] [item key] [radio group] label
 * section = outermost landmark part (else outermost part), subsection = innermost part, both taken
 * from ancestors above the nearest repeated item that holds 2+ controls; that item contributes its
 * stable key. Links to the item's own page become `title_link` / `image_link`.
 */
export function genericName(
  ctx: NamingContext,
  el: Element,
  kind: ElementKind,
  titleLinkTaken: Set<Element>,
): string {
  const root = ctx.scan.doc.body;
  const count = (e: Element): number => ctx.scan.controlCount.get(e) ?? 0;
  let item: Element | null = ctx.isItem(el) && count(el) >= 2 ? el : null;
  const parts: ContainerPart[] = [];
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
    if (!item) {
      if (ctx.isItem(a) && count(a) >= 2) item = a;
      continue;
    }
    const part = ctx.part(a);
    if (part) parts.unshift(part);
  }
  if (!item) {
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
      const part = ctx.part(a);
      if (part) parts.unshift(part);
    }
  }
  const names: string[] = [];
  if (parts.length) {
    const sectionIndex = Math.max(
      0,
      parts.findIndex((p) => p.strong),
    );
    names.push(parts[sectionIndex]!.part);
    if (sectionIndex < parts.length - 1) names.push(parts[parts.length - 1]!.part);
  }
  let label = ownLabel(ctx, el, kind);
  if (item) {
    ctx.keyedItems.add(item);
    const key = ctx.key(item);
    names.push(key.key);
    if (item === el) label = 'card';
    else if (kind === 'link' && key.primaryHref && el.getAttribute('href') === key.primaryHref) {
      if (!(el.textContent ?? '').trim()) label = 'image_link';
      else if (!titleLinkTaken.has(item)) {
        titleLinkTaken.add(item);
        label = 'title_link';
      }
    }
  }
  const groupBox = el.closest('fieldset, [role="radiogroup"]');
  if (kind === 'radio' && !(groupBox && ctx.part(groupBox))) {
    const group = idPart(el.getAttribute('name'));
    if (group) names.push(group);
  }
  names.push(label);
  return names.filter((n, i) => n && n !== names[i - 1]).join('.');
}

/** Gives each name a `_2`, `_3`... suffix on repeats, in document order; `taken` is updated. */
export function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) {
    taken.add(base);
    return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
