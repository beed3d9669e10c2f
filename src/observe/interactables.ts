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

/** Lowercased input type from the `type` attribute (missing or empty means text). */
export function inputTypeOf(type: string | null | undefined): string {
  return (type ?? 'text').trim().toLowerCase() || 'text';
}

/** Lowercased input type of a live element (missing or empty means text). */
export function inputType(el: Element): string {
  return inputTypeOf(el.getAttribute('type'));
}

/**
 * The markup of one element, as markupKind reads it: from a live element (nativeKind) or from
 * parsed HTML (the dataset importer). Pure, so both sides classify controls the same way.
 */
export interface Markup {
  /** Lowercase tag name. */
  tag: string;
  /** The attribute's value, or null when absent. */
  attr(name: string): string | null;
  /** Whether the element sits inside a <select> (asked only for <option>). */
  insideSelect(): boolean;
}

/**
 * What kind of control an element is by its markup alone (tag, type, role, inline handlers),
 * or null. The `cursor: pointer` signal is added by the scanner, which knows the environment.
 */
export function markupKind(el: Markup): ElementKind | null {
  const { tag } = el;
  switch (tag) {
    case 'a':
      if (el.attr('href') !== null) return 'link';
      break;
    case 'button':
      return 'button';
    case 'input': {
      const type = inputTypeOf(el.attr('type'));
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
      return el.insideSelect() ? 'option' : null;
    case 'summary':
      return 'button';
    case 'body':
    case 'html':
      return null;
  }
  const role = (el.attr('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  const byRole = ROLE_KINDS[role];
  if (byRole) return byRole;
  const editable = el.attr('contenteditable');
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return 'text_input';
  if (HANDLER_ATTRIBUTES.some((a) => el.attr(a) !== null)) return 'clickable';
  if (tag === 'a' && el.attr('tabindex') !== null) return 'clickable';
  return null;
}

/** markupKind of a live element. */
export function nativeKind(el: Element): ElementKind | null {
  return markupKind({
    tag: el.tagName.toLowerCase(),
    attr: (name) => el.getAttribute(name),
    insideSelect: () => el.closest('select') !== null,
  });
}
