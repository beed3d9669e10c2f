import { inputType } from './interactables.js';
import { genericName, NameRegistry, NamingContext, ownLabel } from './naming.js';
import { NAME_ATTRIBUTE } from './name-attribute.js';
import type { Observation, ObservedElement } from './observation.js';
import { applyRules } from './overrides.js';
import { rulesForUrl, type RecipeLike } from './recipe-match.js';
import { scanDocument } from './scan.js';
import { serialize } from './serialize.js';
import { collapse } from './text.js';
import { absoluteHref, baseUrl, currentValue, isChecked, isDisabled } from './values.js';
import { createStaticEnv, type DomEnv } from './visibility.js';

export interface SimplifyOptions {
  /** Site recipe; only its rules whose URL pattern matches `url` and whose signature the page has apply. */
  recipe?: RecipeLike | null;
  /** Rendering facts; defaults to the static (linkedom) environment. */
  env?: DomEnv;
  /** The page URL (defaults to document.location.href when there is one). */
  url?: string;
}

const MAX_ELEMENT_TEXT = 100;
const PROMINENT_KINDS = new Set<ObservedElement['kind']>(['link', 'button', 'clickable']);

/**
 * Simplifies a document into an Observation and writes each control's semantic name onto the live
 * element (attribute data-shopsim-name), after clearing the names of an earlier run. Pure DOM code:
 * runs in the browser (see inpage.ts) and on linkedom.
 */
export function simplifyDocument(doc: Document, options: SimplifyOptions = {}): Observation {
  const url = options.url ?? (doc as { location?: { href?: string } }).location?.href ?? '';
  for (const el of Array.from(doc.querySelectorAll(`[${NAME_ATTRIBUTE}]`))) {
    el.removeAttribute(NAME_ATTRIBUTE);
  }
  const env = options.env ?? createStaticEnv();
  const scan = scanDocument(doc, env);
  const base = baseUrl(doc, url);
  const ctx = new NamingContext(scan, base);
  const pinned = applyRules(ctx, rulesForUrl(options.recipe, url, doc));

  // Pinned names claim their names first; generic names that collide get suffixes.
  const registry = new NameRegistry();
  const names = new Map<Element, string>();
  for (const el of scan.interactables) {
    const name = pinned.get(el);
    if (name) names.set(el, registry.claim(name));
  }
  const titleLinks = new Set<Element>();
  const options_: Element[] = [];
  for (const el of scan.interactables) {
    if (names.has(el)) continue;
    const kind = scan.kinds.get(el)!;
    if (kind === 'option' && el.tagName.toLowerCase() === 'option') {
      options_.push(el);
      continue;
    }
    names.set(el, registry.claim(genericName(ctx, el, kind, titleLinks)));
  }
  // Options are named under their select: product_form.size.m
  for (const el of options_) {
    const select = el.closest('select');
    const parent = (select && names.get(select)) || 'select';
    names.set(el, registry.claim(`${parent}.${ownLabel(ctx, el, 'option')}`));
  }

  const elements: ObservedElement[] = [];
  for (const el of scan.interactables) {
    const name = names.get(el)!;
    el.setAttribute(NAME_ATTRIBUTE, name);
    elements.push(describe(ctx, el, name, base, env));
  }
  const html = serialize({ scan, names, groups: ctx.keyedItems, pageUrl: url, base });
  return { url, title: collapse(doc.title ?? ''), html, elements };
}

function describe(
  ctx: NamingContext,
  el: Element,
  name: string,
  base: string,
  env: DomEnv,
): ObservedElement {
  const kind = ctx.scan.kinds.get(el)!;
  const tag = el.tagName.toLowerCase();
  const text = (ctx.labelTexts(el, kind)[0] ?? '').slice(0, MAX_ELEMENT_TEXT);
  const valued = kind === 'text_input' || kind === 'textarea' || kind === 'select';
  return {
    name,
    kind,
    text,
    tag,
    href: tag === 'a' ? absoluteHref(el.getAttribute('href'), base) : null,
    value: valued || tag === 'option' ? currentValue(el) : (el.getAttribute('value') ?? null),
    checked: kind === 'checkbox' || kind === 'radio' || kind === 'option' ? isChecked(el) : null,
    disabled: isDisabled(el),
    inputType: tag === 'input' ? inputType(el) : null,
    screen: env.screen?.(el) ?? null,
    // what the eye is drawn to among buttons and links (not fields, boxes or options)
    prominence: PROMINENT_KINDS.has(kind) ? (env.prominence?.(el) ?? null) : null,
  };
}
