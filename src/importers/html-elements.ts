import { NAME_ATTRIBUTE, type ElementKind, type ObservedElement } from '../observe/observation.js';
import { clip } from '../observe/text.js';
import { decodeEntities } from '../html-entities.js';

/**
 * Reads the named elements out of a dataset's simplified HTML without a DOM: a small tolerant
 * tokenizer (start tags, end tags, text; comments, scripts and styles skipped) and a stack of open
 * elements. Dataset HTML is often cut off or unbalanced, so unmatched end tags are ignored and
 * unclosed elements simply end with the document.
 *
 * Which attribute carries the semantic name: shopsim's own `data-shopsim-name`, or
 * `data-semantic-id` / `semantic-id`, when any element has one; otherwise `name` (OPeRA writes
 * its dotted semantic ids into `name`, e.g. `<div name="nav_bar.homepage">`).
 */

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/(?!>))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const PREFERRED_NAME_ATTRIBUTES = [NAME_ATTRIBUTE, 'data-semantic-id', 'semantic-id'];
const TEXT_CAP = 100;
/** Tags that do not break words: everything else separates the text around it. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);
/** Tags whose end tag is optional: a new one closes the open one (within the same list/table). */
const AUTO_CLOSE = new Set(['li', 'p', 'option', 'tr', 'td', 'th', 'dt', 'dd']);
const SCOPES = new Set(['ul', 'ol', 'table', 'select', 'dl', 'tbody', 'thead']);

export interface HtmlSummary {
  title: string;
  elements: ObservedElement[];
}

interface OpenElement {
  tag: string;
  element: ObservedElement | null;
  text: string;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const key = match[1]!.toLowerCase();
    if (!attributes.has(key))
      attributes.set(key, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function kindOf(tag: string, attributes: Map<string, string>): ElementKind {
  const role = attributes.get('role');
  const type = (attributes.get('type') ?? 'text').toLowerCase();
  if (tag === 'a') return 'link';
  if (tag === 'button' || role === 'button') return 'button';
  if (tag === 'textarea') return 'textarea';
  if (tag === 'select') return 'select';
  if (tag === 'option') return 'option';
  if (tag === 'input') {
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    if (['submit', 'button', 'reset', 'image'].includes(type)) return 'button';
    return 'text_input';
  }
  if (role === 'link') return 'link';
  if (role === 'checkbox') return 'checkbox';
  if (role === 'radio') return 'radio';
  if (role === 'textbox' || role === 'searchbox') return 'text_input';
  return 'clickable';
}

function toElement(name: string, tag: string, attributes: Map<string, string>): ObservedElement {
  const kind = kindOf(tag, attributes);
  const buttonValue = tag === 'input' && kind === 'button' ? attributes.get('value') : undefined;
  const label =
    attributes.get('aria-label') ??
    attributes.get('placeholder') ??
    attributes.get('title') ??
    buttonValue ??
    attributes.get('alt') ??
    '';
  const checkable = kind === 'checkbox' || kind === 'radio';
  return {
    name,
    kind,
    text: clip(label, TEXT_CAP),
    tag,
    href: attributes.get('href') ?? null,
    value: attributes.has('value') ? attributes.get('value')! : null,
    checked: checkable
      ? attributes.has('checked') || attributes.get('aria-checked') === 'true'
      : null,
    disabled: attributes.has('disabled') || attributes.get('aria-disabled') === 'true',
    inputType: tag === 'input' ? (attributes.get('type') ?? 'text').toLowerCase() : null,
  };
}

/** Which attribute holds the semantic names in this document. */
export function nameAttributeOf(html: string): string {
  for (const attribute of PREFERRED_NAME_ATTRIBUTES) {
    if (new RegExp(`<[a-zA-Z][^>]*\\s${attribute}\\s*=`, 'i').test(html)) return attribute;
  }
  return 'name';
}

/** The page title and every named element (first occurrence of each name), in document order. */
export function extractHtmlSummary(html: string): HtmlSummary {
  const attributeName = nameAttributeOf(html);
  const elements: ObservedElement[] = [];
  const seen = new Set<string>();
  const stack: OpenElement[] = [];
  let title = '';
  let cursor = 0;

  const addText = (raw: string): void => {
    if (!raw) return;
    const text = decodeEntities(raw);
    for (const open of stack) {
      if (open.element && open.text.length <= TEXT_CAP * 2) open.text += text;
    }
  };
  const close = (open: OpenElement): void => {
    if (open.element && !open.element.text) open.element.text = clip(open.text, TEXT_CAP);
  };

  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    addText(html.slice(cursor, match.index));
    cursor = TOKEN.lastIndex;
    const [, slash, rawTag, rawAttributes, selfClosing] = match;
    if (!rawTag) continue; // comment, doctype, processing instruction
    const tag = rawTag.toLowerCase();
    if (!INLINE.has(tag)) addText(' ');
    if (slash) {
      const at = stack.map((o) => o.tag).lastIndexOf(tag);
      if (at >= 0) stack.splice(at).reverse().forEach(close);
      continue;
    }
    const attributes = parseAttributes(rawAttributes ?? '');
    const name = attributes.get(attributeName)?.trim();
    let element: ObservedElement | null = null;
    if (name && !seen.has(name)) {
      seen.add(name);
      element = toElement(name, tag, attributes);
      elements.push(element);
    }
    if (RAW_TEXT.has(tag) && !selfClosing) {
      // raw text runs to the matching end tag; only title and textarea text is kept
      const end = html.toLowerCase().indexOf(`</${tag}`, cursor);
      const inner = html.slice(cursor, end < 0 ? html.length : end);
      if (tag === 'title' && !title) title = decodeEntities(inner);
      if (element && tag === 'textarea') {
        element.value = decodeEntities(inner);
        element.text ||= clip(element.value, TEXT_CAP);
      }
      if (tag === 'textarea') addText(inner);
      cursor = end < 0 ? html.length : end;
      TOKEN.lastIndex = cursor;
      continue;
    }
    if (VOID.has(tag) || selfClosing) continue;
    if (AUTO_CLOSE.has(tag)) {
      const at = stack.map((o) => o.tag).lastIndexOf(tag);
      if (at >= 0 && !stack.slice(at + 1).some((o) => SCOPES.has(o.tag))) {
        stack.splice(at).reverse().forEach(close);
      }
    }
    stack.push({ tag, element, text: '' });
  }
  addText(html.slice(cursor));
  stack.reverse().forEach(close);
  return { title: clip(title, TEXT_CAP), elements };
}
