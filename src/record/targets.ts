/**
 * How a person's click or key press maps onto a named element. Plain DOM code without imports of
 * zod or playwright: bundled into the in-page recorder and tested on linkedom.
 */

import { NON_TEXT_INPUT_TYPES } from '../observe/interactables.js';

/** Name of the function the recorder exposes to every page. */
export const RECORD_BINDING = '__shopsimRecord';

const NOT_TEXT = new Set(NON_TEXT_INPUT_TYPES);

/** A field a person types into: text-like inputs, textareas, contenteditable elements. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag === 'input') return !NOT_TEXT.has((el.getAttribute('type') ?? 'text').toLowerCase());
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** A button that submits its form. */
export function isSubmitButton(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'button') return type === '' || type === 'submit';
  return tag === 'input' && (type === 'submit' || type === 'image');
}

/** The control a <label> is for: its `for` target or the control nested in it. */
export function labelControl(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id) return label.ownerDocument.getElementById(id);
  return label.querySelector('input, select, textarea, button');
}

/**
 * The named element a click on `el` means: the control of an enclosing <label> when that control
 * is named (clicking "Size 8" selects the radio), else the nearest named ancestor-or-self.
 */
export function namedTarget(el: Element | null, attribute: string): Element | null {
  if (!el) return null;
  const label = el.closest('label');
  if (label) {
    const control = labelControl(label);
    if (control?.hasAttribute(attribute)) return control;
  }
  return el.closest(`[${attribute}]`);
}

function formOf(el: Element): Element | null {
  const owner = el.getAttribute('form');
  if (owner) return el.ownerDocument.getElementById(owner);
  return el.closest('form');
}

/**
 * For a click on a form's only submit button, the form's only text field (a search box and its
 * "Search" button): typing there and clicking the button is one submitted text entry, recorded
 * as type_and_submit on the field. Forms with several text fields or several submit buttons
 * (checkout, a product form with "Add to cart" and "Buy now") keep the click.
 */
export function soleTextField(button: Element): Element | null {
  if (!isSubmitButton(button)) return null;
  const form = formOf(button);
  if (!form) return null;
  const controls = Array.from(form.querySelectorAll('input, textarea, button'));
  const fields = controls.filter((c) => isTextEntry(c));
  const submits = controls.filter((c) => isSubmitButton(c));
  return fields.length === 1 && submits.length === 1 ? fields[0]! : null;
}
