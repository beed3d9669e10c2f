/** Live state of controls, read from properties (browser) or attributes (static DOM). */

/** The current value of an input/textarea/select (what the user typed, not the initial one). */
export function currentValue(el: Element): string {
  const live = (el as { value?: unknown }).value;
  if (typeof live === 'string') return live;
  if (el.tagName.toLowerCase() === 'textarea') return el.textContent ?? '';
  return el.getAttribute('value') ?? '';
}

/** Checked state of a checkbox/radio, selected state of an option, or aria-checked/selected. */
export function isChecked(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') {
    const live = (el as { checked?: unknown }).checked;
    return typeof live === 'boolean' ? live : el.hasAttribute('checked');
  }
  if (tag === 'option') {
    const live = (el as { selected?: unknown }).selected;
    return typeof live === 'boolean' ? live : el.hasAttribute('selected');
  }
  return el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-selected') === 'true';
}

/** Disabled by the attribute or aria-disabled="true" (as the markup says, not :disabled). */
export function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

/** The document's base URL: a <base href> resolved against the page URL, else the page URL. */
export function baseUrl(doc: Document, pageUrl: string): string {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (!base) return pageUrl;
  try {
    return new URL(base, pageUrl || undefined).href;
  } catch {
    return pageUrl;
  }
}

/** The origin of a URL, or null when it has none (about:blank, invalid). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** A link target resolved to an absolute URL (the raw attribute when it cannot be resolved). */
export function absoluteHref(raw: string | null, base: string): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return href;
  }
}

const MAX_HREF = 80;
const TRACKING =
  /^(?:utm_.*|gclid|fbclid|msclkid|dclid|_ga|_gl|mc_[ce]id|ref|ref_|qid|sr|spm|scm|pf_rd_.*|pd_rd_.*|_encoding|psc|smid|th|crid|sprefix|igshid)$/i;

/** The query string without tracking parameters; dropped entirely when still long. */
function shortSearch(url: URL): string {
  if (!url.search) return '';
  const params = new URLSearchParams(url.search);
  for (const key of Array.from(params.keys())) if (TRACKING.test(key)) params.delete(key);
  const search = params.toString();
  return search && search.length <= 40 ? `?${search}` : '';
}

/**
 * A short form of a link target for the simplified HTML: path and query on the same site,
 * host and path elsewhere, `#` anchors and `javascript:` dropped, capped at 80 characters.
 */
export function shortHref(
  raw: string | null,
  base: string,
  pageOrigin: string | null,
): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return null;
  let out = href;
  try {
    const url = new URL(href, base || undefined);
    const search = shortSearch(url);
    if (url.protocol === 'mailto:' || url.protocol === 'tel:') out = url.href;
    else if (url.origin === pageOrigin) out = url.pathname + search;
    else out = url.host + url.pathname + search;
  } catch {
    out = href;
  }
  return out.length > MAX_HREF ? out.slice(0, MAX_HREF - 1) + '…' : out;
}
