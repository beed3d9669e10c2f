import { inputType } from './interactables.js';
import { echoesName, hrefInName } from './name-echo.js';
import type { Scan } from './scan.js';
import { pricesIn } from './slug.js';
import { collapse, svgLabel } from './text.js';
import { currentValue, isChecked, isDisabled, originOf, shortHref } from './values.js';

/** Structure tags kept as they are (without attributes other than aria-label), one per line. */
const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'caption', 'form', 'fieldset', 'legend', 'header', 'nav', 'main', 'aside', 'footer',
  'dialog', 'details', 'search']); // prettier-ignore
/** Kept inline: cells, labels, and struck-through text (old prices). */
const INLINE_TAGS = new Set(['th', 'td', 'label', 's', 'del']);
/** Tags whose end tag HTML lets us omit (the next sibling or the parent's end closes them). */
const OPTIONAL_END = new Set(['li', 'dt', 'dd', 'tr', 'td', 'th']);
/** Wrappers dropped but whose content starts on a new line. */
const BLOCK_WRAPPERS = new Set(['div', 'p', 'section', 'article', 'figure', 'figcaption', 'blockquote', 'pre', 'address',
  'center', 'hgroup', 'tbody', 'thead', 'tfoot', 'br', 'hr', 'body', 'menu', 'picture']); // prettier-ignore
/**
 * A run of text (between two tags or line breaks) longer than this is cut at a word with `…`:
 * long descriptions and legal notes cost tokens, not decisions; their start says what they are.
 * Prices in the cut part are kept (a long product title ends with its price).
 */
export const MAX_TEXT_RUN = 100;

type Attr = [string, string | null | boolean];

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
 * with `name="<semantic name>"` and a short allowlist of attributes.
 */
export function serialize(input: SerializeInput): string {
  const { scan, names } = input;
  const seenAlts = new Set<string>();
  const insideCaptionedControl = (img: Element): boolean => {
    const control = img.closest('a, button, [role="button"], [role="link"]');
    return !!control && names.has(control) && /\p{L}/u.test(control.textContent ?? '');
  };
  const origin = originOf(input.pageUrl);
  const attrs = (list: Attr[]): string => {
    let out = '';
    for (const [key, value] of list) {
      if (value === true) out += ` ${key}`;
      else if (typeof value === 'string' && value.trim()) {
        out += ` ${key}="${escapeAttr(collapse(value))}"`;
      }
    }
    return out;
  };

  const render = (el: Element): string => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'svg') {
      const label = svgLabel(el);
      if (!label || insideCaptionedControl(el)) return '';
      return `<svg${attrs([['aria-label', label]])}></svg>`;
    }
    if (tag === 'img') {
      const alt = collapse(el.getAttribute('alt') ?? '');
      // a gallery repeats the product name on every thumbnail; a captioned link needs no alt
      if (!alt || seenAlts.has(alt) || insideCaptionedControl(el)) return '';
      seenAlts.add(alt);
      return `<img${attrs([['alt', alt]])}>`;
    }
    const name = names.get(el);
    if (name) return renderControl(el, tag, name);
    if (tag === 'br' || tag === 'hr') return '\n';
    const content = renderChildren(el);
    if (BLOCK_TAGS.has(tag) || INLINE_TAGS.has(tag)) {
      const inner = content.trim();
      if (!inner) return '';
      const nl = BLOCK_TAGS.has(tag) ? '\n' : '';
      const label = el.getAttribute('aria-label');
      const end = OPTIONAL_END.has(tag) ? '' : `</${tag}>`;
      return `${nl}<${tag}${attrs([['aria-label', label]])}>${inner}${end}${nl}`;
    }
    if (input.groups.has(el)) {
      const inner = content.trim();
      return inner ? `\n<div>${inner}</div>\n` : '';
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
    const common: Attr[] = [['name', name]];
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
    const rendered = renderChildren(el)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    // plain text that only repeats the name is left out (see name-echo.ts)
    const content = !rendered.includes('<') && echoesName(rendered, name) ? '' : rendered;
    const list: Attr[] = [...common];
    let aria = unlessEcho(el.getAttribute('aria-label'), name);
    if (aria && sameText(aria, rendered)) aria = null;
    // a link is told by its text, label and name; the target only helps when none says it
    const href = el.getAttribute('href');
    const labelled = !!collapse(el.getAttribute('aria-label') ?? '');
    if (tag === 'a' && !rendered && !labelled && !hrefInName(href, name, input.base)) {
      list.push(['href', shortHref(href, input.base, origin)]);
    }
    list.push(['aria-label', aria]);
    if (kind === 'checkbox' || kind === 'radio') list.push(['checked', isChecked(el)]);
    list.push(['disabled', disabled]);
    const nl = tag === 'select' ? '\n' : '';
    return `${nl}<${tag}${attrs(list)}>${content}</${tag}>${nl}`;
  };

  const root = scan.doc.body ?? scan.doc.documentElement;
  if (!root) return '';
  const html = renderChildren(root)
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
  return capTextRuns(html, MAX_TEXT_RUN);
}

const sameText = (a: string, b: string): boolean =>
  collapse(a).toLowerCase() === collapse(b).toLowerCase();
/** The text collapsed, or null when it is empty or only repeats the name. */
const unlessEcho = (text: string | null, name: string): string | null => {
  const t = collapse(text ?? '');
  return t && !echoesName(t, name) ? t : null;
};

/** Cuts every text run (outside tags, within a line) longer than `max` at a word boundary. */
export function capTextRuns(html: string, max: number): string {
  return html.replace(/<[^>]*>|[^<\n]+/g, (run) => {
    if (run.length <= max || run.startsWith('<')) return run;
    let cut = run.slice(0, max);
    const space = cut.lastIndexOf(' ');
    if (space >= max / 2) cut = cut.slice(0, space);
    cut = cut.replace(/&[a-z#0-9]*$/i, ''); // never split an entity
    const prices = pricesIn(run.slice(cut.length));
    return cut.trimEnd() + '…' + (prices.length ? ` ${prices.join(' ')}` : '');
  });
}
