import { soundsSensitive } from '../traces/sensitive-words.js';
import type { SensitiveValue } from './events.js';

/**
 * Which form fields hold secrets a recording must never keep: passwords, card numbers, card
 * expiry dates and security codes. Plain DOM code (it imports only the REDACTED marker and the word list), so the
 * same rules run inside the page (bundled into the recorder script) and in tests on linkedom.
 *
 * A field is sensitive when any of these holds:
 *   - it is an <input type="password">;
 *   - its autocomplete token is cc-number, cc-csc, cc-exp (-month/-year), current-password,
 *     new-password or one-time-code;
 *   - its name, id, aria-label, placeholder or label text sounds sensitive (the word list in
 *     src/traces/sensitive-words.ts, shared with the simulator's redaction).
 */

/** What a recording writes instead of a secret value (the one marker every trace uses). */
export { REDACTED } from '../traces/redact.js';

const SENSITIVE_AUTOCOMPLETE =
  /(?:^|\s)(?:cc-number|cc-csc|cc-exp(?:-month|-year)?|current-password|new-password|one-time-code)(?:\s|$)/i;

/** The facts about a field the rules look at. */
export interface FieldFacts {
  tag: string;
  type: string;
  autocomplete: string;
  words: string[];
}

export function isSensitiveFacts(facts: FieldFacts): boolean {
  if (facts.tag === 'input' && facts.type === 'password') return true;
  if (SENSITIVE_AUTOCOMPLETE.test(facts.autocomplete)) return true;
  return facts.words.some(soundsSensitive);
}

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
