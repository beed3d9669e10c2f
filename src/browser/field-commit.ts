import type { Locator } from 'playwright';

/**
 * How `type_and_submit` finishes after typing, the way a person would:
 *  - a field of a form with one field (a search form): press Enter, which submits it;
 *  - a field of a form with several fields (checkout, address): commit the field as tabbing away
 *    does (input, change and blur fire) WITHOUT submitting; the form is sent by clicking its button;
 *  - a field outside any form: Enter when it looks like a search box (role=searchbox, type=search,
 *    or its name, id, label or placeholder says search/query), else commit like a form field.
 * Fields are what a person fills in: text-like inputs, selects, textareas, checkboxes and radios.
 */
export type FieldFinish = 'enter' | 'commit';

export function fieldFinish(locator: Locator, timeoutMs: number): Promise<FieldFinish> {
  return locator.evaluate(
    (el): FieldFinish => {
      const notFields = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
      const isField = (e: Element): boolean => {
        const tag = e.tagName.toLowerCase();
        if (tag === 'select' || tag === 'textarea') return true;
        if (tag !== 'input') return false;
        return !notFields.has(((e as HTMLInputElement).type || 'text').toLowerCase());
      };
      const form = (el as HTMLInputElement).form ?? el.closest('form');
      if (form) {
        const fields = Array.from(form.elements).filter(isField);
        return fields.length <= 1 ? 'enter' : 'commit';
      }
      if (el.getAttribute('role') === 'searchbox') return 'enter';
      if ((el as HTMLInputElement).type === 'search') return 'enter';
      const labels = Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent);
      const words = [
        el.getAttribute('name'),
        el.id,
        el.getAttribute('aria-label'),
        el.getAttribute('placeholder'),
        ...labels,
      ].join(' ');
      return /search|query|\bq\b|find/i.test(words) ? 'enter' : 'commit';
    },
    undefined,
    { timeout: timeoutMs },
  );
}

/** Leaves the field as tabbing away does: change (when the value changed) and blur fire. */
export async function commitField(locator: Locator, timeoutMs: number): Promise<void> {
  await locator.blur({ timeout: timeoutMs });
}
