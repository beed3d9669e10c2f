import { isSensitiveFacts, type FieldFacts } from '../traces/sensitive-words.js';
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
