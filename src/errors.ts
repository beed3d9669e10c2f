/**
 * The one error hierarchy of shopsim. Every message says what went wrong and what to do.
 * The CLI prints `error.message` (never a stack) for any ShopsimError and exits non-zero.
 */
export class ShopsimError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line or configuration input (unknown variant, port in use, bad seed...). */
export class UsageError extends ShopsimError {
  override readonly exitCode = 2;
}

/** A file the user gave us (persona, trace, config, recipe, dataset) is invalid. */
export class InputFileError extends ShopsimError {
  constructor(
    readonly file: string,
    readonly field: string | null,
    problem: string,
    readonly line: number | null = null,
  ) {
    const where = [file, line !== null ? `line ${line}` : null, field ? `field "${field}"` : null]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}`);
  }
}

/** A model answered something that is not one valid action for this page. Fed back and retried. */
export class ModelOutputError extends ShopsimError {
  constructor(
    message: string,
    readonly raw: string,
  ) {
    super(message);
  }
}

/** The model backend itself failed (HTTP error, timeout, missing weights). */
export class ModelBackendError extends ShopsimError {}

/** No usable browser, or the browser failed to start. */
export class BrowserUnavailableError extends ShopsimError {}

/** An action could not be carried out in the browser. The message is written for a model to act on. */
export class ActionError extends ShopsimError {}

/** No element has this semantic name on the current page. */
export class ElementNotFoundError extends ActionError {
  constructor(
    readonly elementName: string,
    readonly similar: string[],
  ) {
    super(
      `no element named ${elementName} on this page` +
        (similar.length
          ? `; similar: ${similar.join(', ')}`
          : '; observe the page again for the names'),
    );
  }
}

/** The element exists but cannot be used: detached, covered, disabled, or the wrong kind. */
export class ElementNotInteractableError extends ActionError {}

/**
 * How an ElementNotInteractableError says an overlay took the click: the executor writes it, and
 * the heuristic reads it from history (such a click is tried again once the overlay is gone).
 */
export const COVERED_BY_ANOTHER_ELEMENT = 'it is covered by another element';

/** The page did not finish loading in time after an action. */
export class NavigationTimeoutError extends ActionError {}

/** The live-site guard stopped a navigation that would leave the allowed origins. */
export class NavigationBlockedError extends ActionError {}
