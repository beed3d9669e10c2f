import { isSensitiveFacts, soundsSensitive, type FieldFacts } from '../traces/sensitive-words.js';
import type { SensitiveValue } from '../traces/redactor.js';

/**
 * Which form fields hold secrets a recording must never keep: passwords, card numbers, card
 * expiry dates and security codes. Plain DOM code (it imports only the rules in
 * src/traces/sensitive-words.ts), so the same rules run inside the page (bundled into the recorder script) and in tests on linkedom.
 * The rules themselves (`isSensitiveFacts`) are shared with the trace writer's redactor.
 */

export { REDACTED } from '../traces/sensitive-words.js';

/** Text of the <label>s of a control: `label[for=id]` and the enclosing label. */
function labelTexts(el: Element): string[] {
  const texts: string[] = [];
  const id = el.getAttribute('id');
  if (id) {
    for (const label of Array.from(el.ownerDocument.querySelectorAll('label'))) {
      if (label.getAttribute('for') === id) texts.push(label.textContent ?? '');
    }
  }
  const enclosing = el.closest('label');
  if (enclosing) texts.push(enclosing.textContent ?? '');
  const labelledBy = el.getAttribute('aria-labelledby');
  for (const ref of labelledBy ? labelledBy.split(/\s+/) : []) {
    const target = ref ? el.ownerDocument.getElementById(ref) : null;
    if (target) texts.push(target.textContent ?? '');
  }
  return texts;
}

function fieldFacts(el: Element): FieldFacts {
  const words = [
    el.getAttribute('name'),
    el.getAttribute('id'),
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    ...labelTexts(el),
  ]
    .filter((w): w is string => !!w)
    .map((w) => w.replace(/\s+/g, ' ').trim());
  return {
    tag: el.tagName.toLowerCase(),
    type: (el.getAttribute('type') ?? 'text').toLowerCase(),
    autocomplete: el.getAttribute('autocomplete') ?? '',
    words,
  };
}

/** Whether a form control holds a secret (see the rules above). */
export function isSensitiveField(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag !== 'input' && tag !== 'textarea') return false;
  return isSensitiveFacts(fieldFacts(el));
}

/** Current values of every sensitive field in the document (empty ones left out). */
export function sensitiveValues(doc: Document, nameAttribute: string): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  for (const el of Array.from(doc.querySelectorAll('input, textarea'))) {
    if (!isSensitiveField(el)) continue;
    const live = (el as { value?: unknown }).value;
    const value =
      typeof live === 'string' ? live : (el.getAttribute('value') ?? el.textContent ?? '');
    if (!value) continue;
    out.push({
      name: el.getAttribute(nameAttribute),
      field: el.getAttribute('name') ?? el.getAttribute('id'),
      value,
    });
  }
  return out;
}

/** Attribute markSensitive() puts on what a screenshot must hide. */
export const MASK_ATTRIBUTE = 'data-shopsim-mask';

/**
 * Marks, with MASK_ATTRIBUTE, what a screenshot must not show: every input and textarea the
 * rule above calls sensitive, selects judged by the same words (an expiry month), and iframes
 * whose title or name sounds sensitive (hosted card fields, e.g. "Secure card payment input
 * frame"). Marks of an earlier call are removed first. Returns how many elements were marked.
 */
export function markSensitive(doc: Document): number {
  for (const el of Array.from(doc.querySelectorAll(`[${MASK_ATTRIBUTE}]`))) {
    el.removeAttribute(MASK_ATTRIBUTE);
  }
  let marked = 0;
  for (const el of Array.from(doc.querySelectorAll('input, textarea, select, iframe'))) {
    const tag = el.tagName.toLowerCase();
    const sensitive =
      tag === 'iframe'
        ? [el.getAttribute('title'), el.getAttribute('name')].some((w) => !!w && soundsSensitive(w))
        : tag === 'select'
          ? isSensitiveFacts({ ...fieldFacts(el), tag: 'select' })
          : isSensitiveField(el);
    if (!sensitive) continue;
    el.setAttribute(MASK_ATTRIBUTE, '');
    marked++;
  }
  return marked;
}
