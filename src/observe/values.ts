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

const MAX_HREF = 60;
const TRACKING =
  /^(?:utm_.*|gclid|fbclid|msclkid|dclid|_ga|_gl|mc_[ce]id|ref|ref_|qid|sr|spm|scm|pf_rd_.*|pd_rd_.*|_encoding|ie|psc|smid|th|crid|sprefix|igshid)$/i;

/** The query string without tracking parameters; dropped entirely when still long. */
function shortSearch(url: URL): string {
  if (!url.search) return '';
  const params = new URLSearchParams(url.search);
  for (const key of Array.from(params.keys())) if (TRACKING.test(key)) params.delete(key);
  const search = params.toString();
  return search && search.length <= 40 ? `?${search}` : '';
}

/** A path segment that is a record id rather than a word: `B07FW264WL`, `174448426465`, `sJwEB3QnT9u`. */
const isIdSegment = (segment: string): boolean =>
  /^\d{5,}$/.test(segment) ||
  (segment.length >= 6 && /\d/.test(segment) && /[a-z]/i.test(segment) && !/[-_.~%]/.test(segment));

/**
 * The path as words: segments from the first that carries parameters (`ref=sspa_dk_1`, `;jsessionid=…`)
 * on are state, not place, and record ids say nothing a reader can use.
 */
function wordPath(pathname: string): string {
  const segments = pathname.split('/');
  const state = segments.findIndex((s) => /[=;]/.test(s));
  const kept = state < 0 ? segments : segments.slice(0, state);
  return kept.filter((s) => !isIdSegment(s)).join('/') || '/';
}

/**
 * A short form of a link target for the simplified HTML: the words of its path (see wordPath) and a
 * short query on the same site, host first elsewhere, `#` anchors and `javascript:` dropped, capped
 * at 60 characters. The element list keeps the whole target.
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
    const path = wordPath(url.pathname) + shortSearch(url);
    if (url.protocol === 'mailto:' || url.protocol === 'tel:') out = url.href;
    else if (url.origin === pageOrigin) out = path;
    else out = url.host + path;
  } catch {
    out = href;
  }
  return out.length > MAX_HREF ? out.slice(0, MAX_HREF - 1) + '…' : out;
}
