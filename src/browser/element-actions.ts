import { errors, type ElementHandle, type Locator, type Page } from 'playwright';
import { ElementNotFoundError, ElementNotInteractableError, ShopsimError } from '../errors.js';
import { NON_TEXT_INPUT_TYPES } from '../observe/interactables.js';
import { NAME_ATTRIBUTE } from '../observe/observation.js';
import { interactionError } from './action-errors.js';
import { commitField, fieldFinish, type FieldFinish } from './field-commit.js';
import { pointAtRevealingAncestor } from './point-at.js';
import { navigationTimeout } from './settle.js';
import { similarNames } from '../observe/similar-names.js';

/** What the executor needs to know about the element before acting on it. */
export interface ElementInfo {
  tag: string;
  inputType: string | null;
  disabled: boolean;
  readOnly: boolean;
  /** Index of an <option> inside its <select>, -1 when the option has no <select>. */
  optionIndex: number | null;
  textField: boolean;
  /** A link or form button whose target opens another tab or window. */
  opensTab: boolean;
  checkable: boolean;
}

/** Finds the one live element carrying this name, or explains which names exist instead. */
export async function locateByName(page: Page, name: string, names: string[]): Promise<Locator> {
  const locator = page.locator(`[${NAME_ATTRIBUTE}=${JSON.stringify(name)}]`);
  const count = await locator.count();
  if (count === 0) throw new ElementNotFoundError(name, similarNames(name, names));
  if (count > 1) {
    throw new ElementNotInteractableError(
      `${count} elements are named ${name}; observe the page again and use a current name.`,
    );
  }
  return locator;
}

export async function describeElement(locator: Locator, timeoutMs: number): Promise<ElementInfo> {
  return locator.evaluate(
    (el, notText) => {
      const tag = el.tagName.toLowerCase();
      const input = el as HTMLInputElement;
      const inputType = tag === 'input' ? (input.type || 'text').toLowerCase() : null;
      const option = tag === 'option' ? (el as HTMLOptionElement) : null;
      return {
        tag,
        inputType,
        disabled: el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true',
        readOnly: el.matches(':read-only') && (tag === 'input' || tag === 'textarea'),
        optionIndex: option ? (option.closest('select') ? option.index : -1) : null,
        opensTab: ((): boolean => {
          const target =
            el.closest('a[href], area[href]')?.getAttribute('target') ??
            el.getAttribute('formtarget') ??
            (el as HTMLButtonElement).form?.getAttribute('target') ??
            '';
          return !['', '_self', '_parent', '_top'].includes(target.toLowerCase());
        })(),
        textField:
          tag === 'textarea' ||
          (tag === 'input' && !notText.includes(inputType!)) ||
          (el as HTMLElement).isContentEditable,
        checkable:
          inputType === 'checkbox' ||
          inputType === 'radio' ||
          el.getAttribute('role') === 'checkbox' ||
          el.getAttribute('role') === 'radio',
      };
    },
    NON_TEXT_INPUT_TYPES,
    { timeout: timeoutMs },
  );
}

/** Bounds: the element must be usable within `actionMs`; what it starts must load within `navigationMs`. */
export interface ActionTimeouts {
  actionMs: number;
  navigationMs: number;
}

/** Playwright reports the click done and then waits for the navigation the click scheduled. */
function clickWasDone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /click action done|waiting for scheduled navigations/.test(message);
}

/**
 * Clicks once the target is actionable: a trial click checks that within the short action bound
 * (so a covered or hidden element fails fast), then the real click waits, within the navigation
 * bound, for any navigation it scheduled to commit.
 */
async function clickWhenReady(
  target: Locator | ElementHandle,
  page: Page,
  what: string,
  timeouts: ActionTimeouts,
): Promise<void> {
  await target.click({ trial: true, timeout: timeouts.actionMs });
  try {
    await target.click({ timeout: timeouts.navigationMs });
  } catch (error) {
    if (error instanceof errors.TimeoutError && clickWasDone(error)) {
      throw await navigationTimeout(page, what, timeouts.navigationMs);
    }
    throw error;
  }
}

/**
 * Clicks the named element the way a shopper would: an <option> is chosen in its <select>, a
 * checkbox or radio hidden behind a styled label is toggled through its label, a control shown
 * only on hover is reached by pointing at its card first, anything else is scrolled into view and
 * clicked. Waiting for the page to settle afterwards is the caller's job.
 */
export async function clickElement(
  locator: Locator,
  name: string,
  info: ElementInfo,
  timeouts: ActionTimeouts,
): Promise<void> {
  const what = `click ${name}`;
  if (info.disabled) {
    throw new ElementNotInteractableError(
      `cannot ${what}: it is disabled; choose another element or first do what it needs.`,
    );
  }
  if (info.optionIndex !== null) {
    if (info.optionIndex < 0) {
      throw new ElementNotInteractableError(`cannot ${what}: this option belongs to no list.`);
    }
    try {
      await locator
        .locator('xpath=ancestor::select[1]')
        .selectOption({ index: info.optionIndex }, { timeout: timeouts.actionMs });
    } catch (error) {
      throw interactionError(what, error) ?? error;
    }
    return;
  }
  try {
    if (!info.checkable) await pointAtRevealingAncestor(locator, timeouts.actionMs);
    await clickWhenReady(locator, locator.page(), what, timeouts);
  } catch (error) {
    if (error instanceof ShopsimError) throw error;
    if (info.checkable && (await clickLabel(locator, what, timeouts))) return;
    throw interactionError(what, error) ?? error;
  }
}

/** Styled checkboxes hide the input under their label; a shopper clicks the label. */
async function clickLabel(
  locator: Locator,
  what: string,
  timeouts: ActionTimeouts,
): Promise<boolean> {
  const handle = await locator
    .evaluateHandle((el) => (el as HTMLInputElement).labels?.[0] ?? null)
    .catch(() => null);
  const label = handle?.asElement();
  if (!label) return false;
  try {
    await clickWhenReady(label, locator.page(), what, timeouts);
    return true;
  } catch (error) {
    if (error instanceof ShopsimError) throw error;
    return false;
  } finally {
    await label.dispose();
  }
}

/**
 * Clears the named text field, types the text, and then presses Enter or commits the field
 * without submitting, by the rule in field-commit.ts (one-field forms and search boxes submit).
 */
export async function typeAndSubmit(
  locator: Locator,
  name: string,
  info: ElementInfo,
  text: string,
  timeouts: ActionTimeouts,
): Promise<void> {
  const what = `type into ${name}`;
  if (!info.textField) {
    const kind = info.inputType ? `${info.tag} type=${info.inputType}` : info.tag;
    throw new ElementNotInteractableError(
      `cannot ${what}: it is a <${kind}>, not a text field; click it instead, or type into a text field.`,
    );
  }
  if (info.disabled || info.readOnly) {
    throw new ElementNotInteractableError(
      `cannot ${what}: it is ${info.disabled ? 'disabled' : 'read-only'}; choose another field.`,
    );
  }
  try {
    await locator.fill(text, { timeout: timeouts.actionMs });
  } catch (error) {
    throw interactionError(what, error) ?? error;
  }
  let finish: FieldFinish;
  try {
    finish = await fieldFinish(locator, timeouts.actionMs);
    if (finish === 'commit') await commitField(locator, timeouts.actionMs);
  } catch (error) {
    throw interactionError(what, error) ?? error;
  }
  if (finish === 'commit') return;
  try {
    // Enter waits for the navigation it schedules (a form submit) within the navigation bound
    await locator.press('Enter', { timeout: timeouts.navigationMs });
  } catch (error) {
    if (error instanceof errors.TimeoutError) {
      throw await navigationTimeout(locator.page(), `${what} and submit`, timeouts.navigationMs);
    }
    throw interactionError(what, error) ?? error;
  }
}
