import { containerPart, type ContainerPart } from './containers.js';
import { isRepeatedItem, itemKey, keyFromHref, type ItemKey } from './items.js';
import type { ElementKind } from './observation.js';
import type { Scan } from './scan.js';
import { idPart, slugify, stripVolatile } from './slug.js';
import { labelCandidates } from './text.js';

/** Per-document memo of the expensive lookups naming needs. */
export class NamingContext {
  private readonly parts = new Map<Element, ContainerPart | null>();
  private readonly repeated = new Map<Element, boolean>();
  private readonly keys = new Map<Element, ItemKey>();
  /** Items that give their key to the controls inside them (2+ controls). */
  readonly keyedItems = new Set<Element>();

  constructor(
    readonly scan: Scan,
    readonly base: string,
  ) {}

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
    return labelCandidates(el, kind, this.scan);
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

const NESTING_ITEMS = new Set(['li', 'tr', 'dd']);

/**
 * The repeated item whose key goes into a control's name: the innermost item around it (or the
 * control itself) when that item holds 2+ controls. When the innermost item holds only this
 * control its label is enough, except in nested lists (a submenu li inside a menu li), where the
 * enclosing item of the same tag gives its key.
 */
function keyedItemOf(ctx: NamingContext, el: Element): Element | null {
  const root = ctx.scan.doc.body;
  let innermost: string | null = null;
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
    if (!ctx.isItem(a)) continue;
    const tag = a.tagName.toLowerCase();
    if (innermost !== null && (tag !== innermost || !NESTING_ITEMS.has(tag))) return null;
    if ((ctx.scan.controlCount.get(a) ?? 0) >= 2) return a;
    innermost = tag;
  }
  return null;
}

/**
 * The generic (un-suffixed) name of a control:
 *   [section] [subsection] [radio group] label      outside repeated items
 *   [list] [item key] [radio group] label              inside a keyed repeated item
 * subsection = the innermost container part; section = the outermost named landmark above it
 * (a form, a labelled nav/aside/section, a landmark with an id), left out when there is none;
 * list = the innermost container part above the item. Links to the item's own page become `title_link` / `image_link`.
 */
export function genericName(
  ctx: NamingContext,
  el: Element,
  kind: ElementKind,
  titleLinkTaken: Set<Element>,
): string {
  const root = ctx.scan.doc.body;
  const item = keyedItemOf(ctx, el);
  const parts: ContainerPart[] = [];
  for (let a = (item ?? el).parentElement; a && a !== root; a = a.parentElement) {
    const part = ctx.part(a);
    if (part) parts.unshift(part);
  }
  const names: string[] = [];
  if (item) {
    // the item's key says which one; the list it sits in says where
    if (parts.length) names.push(parts[parts.length - 1]!.part);
  } else if (parts.length) {
    // section: the outermost landmark, unless it is only a default name ("header.search_form.x"
    // says no more than "search_form.x"); without a landmark, page wrappers (#page, #dp-container)
    // say nothing either: the innermost container alone names the place
    const innermost = parts[parts.length - 1]!;
    const section = parts.find((p) => p.strong && !p.generic && p !== innermost);
    if (section) names.push(section.part);
    names.push(innermost.part);
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

/**
 * Hands out unique names: the first claim of a name gets it as is, later claims get `_2`, `_3`...
 * in claim (document) order.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  claim(base: string): string {
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    for (let n = this.nextSuffix.get(base) ?? 2; ; n++) {
      const candidate = `${base}_${n}`;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        this.nextSuffix.set(base, n + 1);
        return candidate;
      }
    }
  }
}
