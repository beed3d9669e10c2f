import { inputType } from './interactables.js';
import { echoesName, hrefInName } from './name-echo.js';
import {
  attributes as attrs,
  type Attr,
  capTextRuns,
  escapeText,
  MAX_TEXT_RUN,
  pictureStem,
  unescapeText,
} from './markup.js';
import {
  betweenItems,
  chooseScope,
  prefixCounts,
  relativeName,
  SCOPE_ATTRIBUTE,
} from './name-scopes.js';
import type { Scan } from './scan.js';
import { collapse, svgLabel } from './text.js';
import {
  absoluteHref,
  currentValue,
  isChecked,
  isDisabled,
  originOf,
  shortHref,
} from './values.js';

/** Structure tags kept as they are (without attributes other than aria-label), one per line. */
const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'caption', 'form', 'fieldset', 'legend', 'header', 'nav', 'main', 'aside', 'footer',
  'dialog', 'details', 'search']); // prettier-ignore
/** What writing a dissolved wrapper as `<div>` costs, to hold a scope. */
const WRAPPER_COST = '<div></div>'.length;
/** Rendered markup that is exactly one link or button with plain text. */
const SINGLE_CONTROL = /^<(a|button)\b[^<>]*(?:\/>|>[^<>]*<\/\1>)$/;
/** Kept inline: cells, labels, and struck-through text (old prices). */
const INLINE_TAGS = new Set(['th', 'td', 'label', 's', 'del']);
/** Kept inside a control too: an old price is only told from the new one by its strike. */
const STRUCK = new Set(['s', 'del']);
/** Tags whose end tag HTML lets us omit (the next sibling or the parent's end closes them). */
const OPTIONAL_END = new Set(['li', 'dt', 'dd', 'tr', 'td', 'th']);
/** Wrappers dropped but whose content starts on a new line. */
const BLOCK_WRAPPERS = new Set(['div', 'p', 'section', 'article', 'figure', 'figcaption', 'blockquote', 'pre', 'address',
  'center', 'hgroup', 'tbody', 'thead', 'tfoot', 'br', 'hr', 'body', 'menu', 'picture']); // prettier-ignore

export interface SerializeInput {
  scan: Scan;
  names: Map<Element, string>;
  /** Repeated items whose controls carry the item's key: kept as <div> to group them. */
  groups: Set<Element>;
  pageUrl: string;
  base: string;
}

/**
 * Renders the visible page as compact HTML: dropped scripts/styles/hidden nodes, structure tags
 * kept bare, generic wrappers (div, span...) dissolved into their content, every named control
 * with `name="<semantic name>"` and a short allowlist of attributes. Shared name prefixes are
 * written once, as scopes (see name-scopes.ts).
 */
export function serialize(input: SerializeInput): string {
  const { scan, names } = input;
  const root = scan.doc.body ?? scan.doc.documentElement;
  if (!root) return '';
  const counts = prefixCounts(names, root);
  /** The scope the element being rendered sits in (opened by the nearest ancestor that has one). */
  let scope: string | null = null;
  /** True while rendering a control's content: its label is read as one text, so structure goes. */
  let inControl = false;
  /** Renders a control's content, read as one text (see inControl). */
  const asText = <T>(render: () => T): T => {
    const outer = inControl;
    inControl = true;
    try {
      return render();
    } finally {
      inControl = outer;
    }
  };
  /** Renders `el`'s children inside the scope `el` opens, if any; returns [scope attr, content]. */
  const inScope = (el: Element, render: () => string, extraCost = 0): [Attr, string] => {
    let opened = chooseScope(counts, el, scope, extraCost);
    if (opened && betweenItems(el)) opened = null;
    if (!opened) return [[SCOPE_ATTRIBUTE, null], render()];
    const outer = scope;
    scope = opened;
    try {
      return [[SCOPE_ATTRIBUTE, relativeName(opened, outer)], render()];
    } finally {
      scope = outer;
    }
  };
  const seenAlts = new Set<string>();
  const controlAround = (img: Element): Element | null => {
    const control = img.closest('a, button, [role="button"], [role="link"]');
    return control && names.has(control) ? control : null;
  };
  const insideCaptionedControl = (img: Element): boolean =>
    /\p{L}/u.test(controlAround(img)?.textContent ?? '');
  /** An image whose alt only repeats the name of the control around it (a logo, a swatch). */
  const echoesControl = (img: Element, alt: string): boolean => {
    const control = controlAround(img);
    return !!control && echoesName(alt, names.get(control)!);
  };
  const origin = originOf(input.pageUrl);
  const { captions, told } = captionsOf(scan, names, input.base);

  const render = (el: Element): string => {
    const tag = el.tagName.toLowerCase();
    const name = names.get(el);
    // a clickable picture or icon (onclick, cursor:pointer) is a control: named, with its text
    if (name && (tag === 'img' || tag === 'svg')) {
      const label = tag === 'img' ? el.getAttribute('alt') : svgLabel(el);
      const text = unlessEcho(label, name);
      const key = tag === 'img' ? 'alt' : 'aria-label';
      const list = attrs([
        ['name', relativeName(name, scope)],
        [key, text],
      ]);
      return tag === 'img' ? `<img${list}>` : `<svg${list}/>`;
    }
    if (tag === 'svg') {
      const label = svgLabel(el);
      if (!label || insideCaptionedControl(el)) return '';
      return `<svg${attrs([['aria-label', label]])}/>`;
    }
    if (tag === 'img') {
      const alt = collapse(el.getAttribute('alt') ?? '');
      // a gallery repeats the product name on every thumbnail ("…, Bild 2"); a captioned link
      // needs no alt
      const stem = pictureStem(alt);
      if (
        !alt ||
        seenAlts.has(stem) ||
        captions.has(alt.toLowerCase()) ||
        insideCaptionedControl(el) ||
        echoesControl(el, alt)
      ) {
        return '';
      }
      seenAlts.add(stem);
      return `<img${attrs([['alt', alt]])}>`;
    }
    if (name) return renderControl(el, tag, name);
    if (tag === 'br' || tag === 'hr') return '\n';
    if (BLOCK_TAGS.has(tag) || INLINE_TAGS.has(tag)) {
      const [scoped, content] = inScope(el, () => renderChildren(el));
      const inner = content.trim();
      if (!inner) return '';
      if (inControl && !scoped[1] && !STRUCK.has(tag)) return ` ${inner} `;
      const nl = BLOCK_TAGS.has(tag) ? '\n' : '';
      // a list item that is one link or button says nothing the list and the line do not
      if (tag === 'li' && SINGLE_CONTROL.test(inner)) return `\n${inner}\n`;
      const label = el.getAttribute('aria-label');
      // a scope must end where the element ends: what follows may not start another <li>
      const end = OPTIONAL_END.has(tag) && !scoped[1] ? '' : `</${tag}>`;
      return `${nl}<${tag}${attrs([['aria-label', label], scoped])}>${inner}${end}${nl}`;
    }
    // an item group stays a <div>; so does a wrapper where enough names meet to hold their scope
    const group = input.groups.has(el);
    const [scoped, content] = inScope(el, () => renderChildren(el), group ? 0 : WRAPPER_COST);
    if (group || scoped[1]) {
      const inner = content.trim();
      return inner ? `\n<div${attrs([scoped])}>${inner}</div>\n` : '';
    }
    // a wrapper's own label (ratings drawn as stars, icons) is what a human reads from it
    const label = collapse(el.getAttribute('aria-label') ?? '');
    if (label && label !== content.trim()) {
      const span = `<span${attrs([['aria-label', label]])}>${content.trim()}</span>`;
      return BLOCK_WRAPPERS.has(tag) ? `\n${span}\n` : span;
    }
    if (BLOCK_WRAPPERS.has(tag) || tag.includes('-')) return `\n${content}\n`;
    return content;
  };

  const renderChildren = (el: Element): string => {
    let out = '';
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        let text = (child.nodeValue ?? '').replace(/\s+/g, ' ');
        if (text.length > 4 * MAX_TEXT_RUN) text = text.slice(0, 4 * MAX_TEXT_RUN);
        out += escapeText(text);
      } else if (child.nodeType === 1 && scan.visible.has(child as Element)) {
        out += render(child as Element);
      }
    }
    return out;
  };

  const renderControl = (el: Element, tag: string, name: string): string => {
    const kind = scan.kinds.get(el);
    const disabled = isDisabled(el);
    const common: Attr[] = [['name', relativeName(name, scope)]];
    if (tag === 'input') {
      const type = inputType(el);
      const textLike = kind === 'text_input';
      const placeholder = unlessEcho(el.getAttribute('placeholder'), name);
      let aria = unlessEcho(el.getAttribute('aria-label'), name);
      if (aria && placeholder && sameText(aria, placeholder)) aria = null;
      const list: Attr[] = [
        ...common,
        ['type', type === 'text' ? null : type],
        ['value', textLike || kind === 'button' ? currentValue(el) : null],
        ['placeholder', placeholder],
        ['aria-label', aria],
        ['alt', type === 'image' ? el.getAttribute('alt') : null],
        ['checked', (kind === 'checkbox' || kind === 'radio') && isChecked(el)],
        ['disabled', disabled],
      ];
      return `<input${attrs(list)}>`;
    }
    if (tag === 'textarea') {
      const list: typeof common = [
        ...common,
        ['placeholder', unlessEcho(el.getAttribute('placeholder'), name)],
      ];
      return `<textarea${attrs([...list, ['disabled', disabled]])}>${escapeText(currentValue(el))}</textarea>`; // prettier-ignore
    }
    if (tag === 'option') {
      const text = unlessEcho(el.textContent, name) ?? '';
      const list: typeof common = [...common, ['selected', isChecked(el)], ['disabled', disabled]];
      return `<option${attrs(list)}>${escapeText(text)}`;
    }
    const [scoped, children] = asText(() => inScope(el, () => renderChildren(el)));
    const rendered = children.replace(/\s*\n\s*/g, ' ').trim();
    // plain text that only repeats the name is left out (see name-echo.ts)
    const content =
      !rendered.includes('<') && echoesName(unescapeText(rendered), name) ? '' : rendered;
    const list: Attr[] = [...common];
    let aria = unlessEcho(el.getAttribute('aria-label'), name);
    if (aria && sameText(aria, rendered)) aria = null;
    // a link is told by its text, label and name; the target only helps when none says it, and no
    // other link to the same place (a card's picture link beside its title link) says it either
    const href = el.getAttribute('href');
    const labelled = !!collapse(el.getAttribute('aria-label') ?? '');
    const quiet = !rendered && !labelled && !told.has(absoluteHref(href, input.base) ?? '');
    if (tag === 'a' && quiet && !hrefInName(href, name, input.base)) {
      list.push(['href', shortHref(href, input.base, origin)]);
    }
    list.push(['aria-label', aria]);
    if (kind === 'checkbox' || kind === 'radio') list.push(['checked', isChecked(el)]);
    list.push(['disabled', disabled], scoped);
    const nl = tag === 'select' ? '\n' : '';
    // a control with nothing inside closes itself: `<a name="nav.women"/>` (the HTML reader knows)
    if (!content && tag !== 'select' && tag !== 'textarea') return `<${tag}${attrs(list)}/>`;
    return `${nl}<${tag}${attrs(list)}>${content}</${tag}>${nl}`;
  };

  const html = renderChildren(root)
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
  return capTextRuns(html, MAX_TEXT_RUN);
}

/**
 * What the page already says in words, read in one pass over visible headings and links:
 * `captions`, their texts (a picture whose alt says one of them says it twice), and `told`, the
 * targets of named links that say where they go by their text or label (another link to the same
 * place, such as a card's picture link, need not write its target).
 */
function captionsOf(
  scan: Scan,
  names: ReadonlyMap<Element, string>,
  base: string,
): { captions: Set<string>; told: Set<string> } {
  const captions = new Set<string>();
  const told = new Set<string>();
  for (const el of scan.visible) {
    const tag = el.tagName.toLowerCase();
    if (tag !== 'a' && !/^h[1-6]$/.test(tag)) continue;
    const text = el.textContent ?? '';
    const caption = collapse(text).toLowerCase();
    if (caption) captions.add(caption);
    if (tag !== 'a' || !names.has(el)) continue;
    const href = absoluteHref(el.getAttribute('href'), base);
    if (href && /\p{L}/u.test(`${text} ${el.getAttribute('aria-label') ?? ''}`)) told.add(href);
  }
  return { captions, told };
}

const sameText = (a: string, b: string): boolean =>
  collapse(a).toLowerCase() === collapse(b).toLowerCase();
/** The text collapsed, or null when it is empty or only repeats the name. */
const unlessEcho = (text: string | null, name: string): string | null => {
  const t = collapse(text ?? '');
  return t && !echoesName(t, name) ? t : null;
};
