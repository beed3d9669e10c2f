import { idPart, slugify, stripVolatile } from './slug.js';
import { collapse, textOfIds } from './text.js';

/** A name part contributed by an ancestor of a control. Strong parts are landmarks. */
export interface ContainerPart {
  part: string;
  strong: boolean;
  /** A landmark's default name (header, nav, footer...): dropped when a more specific part follows. */
  generic?: boolean;
}

const LANDMARK_TAGS: Record<string, string | null> = {
  header: 'header',
  footer: 'footer',
  nav: 'nav',
  aside: 'aside',
  form: 'form',
  dialog: 'dialog',
  search: 'search',
  main: null, // only when labelled: the main area is the default place of a control
  section: null,
  fieldset: null,
};

const LANDMARK_ROLES: Record<string, string | null> = {
  banner: 'header',
  contentinfo: 'footer',
  navigation: 'nav',
  complementary: 'aside',
  search: 'search',
  form: 'form',
  dialog: 'dialog',
  alertdialog: 'dialog',
  tablist: 'tabs',
  menu: 'menu',
  menubar: 'menu',
  toolbar: 'toolbar',
  main: null,
  region: null,
  radiogroup: null,
  listbox: null,
  group: null,
};

const HEADING = /^h[2-6]$/;
const SEARCH_NAMES = /^(?:q|s|k|query|search|keywords?|field_keywords|search_query|term)$/;

/** A container's text as a name part: without counts or prices ("Your cart (2)" -> your_cart). */
function textPart(text: string): string {
  return slugify(stripVolatile(text)) || slugify(text);
}

function labelOf(el: Element): string {
  const aria = collapse(el.getAttribute('aria-label') ?? '');
  return aria || textOfIds(el.ownerDocument, el.getAttribute('aria-labelledby'));
}

/** The text of a heading (h2-h6) among the first element children, or ''. */
function childHeading(el: Element): string {
  let seen = 0;
  for (let c = el.firstElementChild; c && seen < 3; c = c.nextElementSibling, seen++) {
    if (HEADING.test(c.tagName.toLowerCase())) return collapse(c.textContent ?? '');
  }
  return '';
}

function previousHeading(el: Element): string {
  const prev = el.previousElementSibling;
  return prev && HEADING.test(prev.tagName.toLowerCase()) ? collapse(prev.textContent ?? '') : '';
}

function looksLikeSearchForm(form: Element): boolean {
  if ((form.getAttribute('role') ?? '') === 'search') return true;
  if (/search/i.test(form.getAttribute('action') ?? '')) return true;
  for (const input of form.querySelectorAll('input')) {
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'search') return true;
    if (SEARCH_NAMES.test(slugify(input.getAttribute('name') ?? ''))) return true;
  }
  return false;
}

/**
 * The name part an ancestor contributes, or null. Priority: aria-label(ledby), fieldset legend,
 * a meaningful id, a form's name, landmark defaults (header, nav, search_form...), then a heading
 * that titles the element (first children) or a list/table (heading right before it).
 */
export function containerPart(el: Element): ContainerPart | null {
  const tag = el.tagName.toLowerCase();
  const role = (el.getAttribute('role') ?? '').trim().toLowerCase();
  const landmark = tag in LANDMARK_TAGS || role in LANDMARK_ROLES;
  const strong = (part: string): ContainerPart | null => (part ? { part, strong: true } : null);

  const label = textPart(labelOf(el));
  if (label && (landmark || role || tag === 'ul' || tag === 'ol' || tag === 'table')) {
    return { part: label, strong: landmark };
  }
  if (tag === 'fieldset') {
    const legend = el.querySelector('legend');
    const part = legend ? textPart(collapse(legend.textContent ?? '')) : '';
    if (part) return strong(part);
  }
  const id = idPart(el.getAttribute('id'));
  if (id) return { part: id, strong: landmark };
  if (tag === 'form') {
    const name = idPart(el.getAttribute('name'));
    return strong(name ?? (looksLikeSearchForm(el) ? 'search_form' : 'form'));
  }
  if (role === 'search') return strong('search_form');
  const fixed = LANDMARK_TAGS[tag] ?? LANDMARK_ROLES[role] ?? null;
  if (fixed) return { part: fixed, strong: true, generic: true };
  if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'dl') {
    const caption = tag === 'table' ? el.querySelector('caption') : null;
    const heading = textPart(caption ? collapse(caption.textContent ?? '') : previousHeading(el));
    return heading ? { part: heading, strong: false } : null;
  }
  if (tag === 'section' || tag === 'article' || tag === 'aside' || tag === 'div') {
    const heading = textPart(childHeading(el));
    if (heading) return { part: heading, strong: tag === 'section' };
  }
  return null;
}
