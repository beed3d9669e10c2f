import { describe, expect, it } from 'vitest';
import { interactionError } from '../../src/browser/action-errors.js';
import { ElementNotInteractableError } from '../../src/errors.js';

const log = (lines: string[]): Error =>
  new Error(['locator.click: Timeout 3000ms exceeded.', 'Call log:', ...lines].join('\n'));

describe('interactionError', () => {
  it('names what covers the element', () => {
    const error = interactionError(
      'click product_form.add_to_cart',
      log([
        '  - attempting click action',
        '    - <div class="modal-backdrop"></div> intercepts pointer events',
        '  - retrying click action',
      ]),
    );
    expect(error).toBeInstanceOf(ElementNotInteractableError);
    expect(error?.message).toBe(
      'cannot click product_form.add_to_cart: it is covered by another element ' +
        '(<div class="modal-backdrop"></div>); close or dismiss what covers it, or choose another element.',
    );
  });

  it('explains hidden, detached and unknown timeouts', () => {
    expect(interactionError('click a', log(['    - element is not visible']))?.message).toMatch(
      /not visible; open the menu/,
    );
    expect(
      interactionError('click a', log(['    - element was detached from the DOM, retrying']))
        ?.message,
    ).toMatch(/removed from the page/);
    expect(interactionError('click a', log(['  - waiting for something']))?.message).toBe(
      'cannot click a: it did not become usable within 3000ms; choose another element.',
    );
  });

  it('leaves a closed browser to the caller', () => {
    expect(
      interactionError('click a', new Error('Target page, context or browser has been closed')),
    ).toBeNull();
  });
});
