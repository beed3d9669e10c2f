import type { ElementKind } from './observation.js';

/**
 * Input types that are not typed into (everything else, unknown types included, is a text field,
 * as browsers treat them). Shared by the simplifier, the executor and the recorder.
 */
export const NON_TEXT_INPUT_TYPES: readonly string[] = ['hidden', 'checkbox', 'radio', 'submit',
  'button', 'reset', 'image', 'file', 'range', 'color']; // prettier-ignore
const NON_TEXT_INPUTS = new Set(NON_TEXT_INPUT_TYPES);

const ROLE_KINDS: Record<string, ElementKind> = {
  button: 'button',
  tab: 'button',
  menuitem: 'button',
  menuitemcheckbox: 'checkbox',
  menuitemradio: 'radio',
  treeitem: 'button',
  link: 'link',
  option: 'option',
  checkbox: 'checkbox',
  switch: 'checkbox',
  radio: 'radio',
  textbox: 'text_input',
  searchbox: 'text_input',
  combobox: 'text_input',
};

const HANDLER_ATTRIBUTES = [
  'onclick',
  'onmousedown',
  'onmouseup',
  'onpointerdown',
  'onpointerup',
  'ontouchstart',
  'ontouchend',
];

/** Lowercased input type (missing or empty means text). */
export function inputType(el: Element): string {
  return (el.getAttribute('type') ?? 'text').trim().toLowerCase() || 'text';
}

/**
 * What kind of control the element is by its markup alone (tag, type, role, inline handlers),
 * or null. The `cursor: pointer` signal is added by the scanner, which knows the environment.
 */
export function nativeKind(el: Element): ElementKind | null {
  const tag = el.tagName.toLowerCase();
  switch (tag) {
    case 'a':
      if (el.hasAttribute('href')) return 'link';
      break;
    case 'button':
      return 'button';
    case 'input': {
      const type = inputType(el);
      if (type === 'hidden') return null;
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'range' || type === 'color') return 'clickable';
      return NON_TEXT_INPUTS.has(type) ? 'button' : 'text_input';
    }
    case 'textarea':
      return 'textarea';
    case 'select':
      return 'select';
    case 'option':
      return el.closest('select') ? 'option' : null;
    case 'summary':
      return 'button';
    case 'body':
    case 'html':
      return null;
  }
  const role = (el.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  const byRole = ROLE_KINDS[role];
  if (byRole) return byRole;
  const editable = el.getAttribute('contenteditable');
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return 'text_input';
  if (HANDLER_ATTRIBUTES.some((a) => el.hasAttribute(a))) return 'clickable';
  if (tag === 'a' && el.hasAttribute('tabindex')) return 'clickable';
  return null;
}
