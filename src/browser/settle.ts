import type { Page } from 'playwright';
import { NavigationTimeoutError } from '../errors.js';
import type { NetworkTracker } from './network-tracker.js';
import { seconds, stopLoading } from './navigate.js';

export interface SettleOptions {
  /** Hard bound: a navigation still unfinished after this is a NavigationTimeoutError. */
  timeoutMs: number;
  /** The page counts as settled after this long without network or DOM activity. */
  quietMs: number;
  /** A loaded page that keeps being busy (polling, animations) is accepted after this long. */
  quietCapMs: number;
}

export const DEFAULT_SETTLE: SettleOptions = { timeoutMs: 15_000, quietMs: 200, quietCapMs: 2_500 };

const POLL_MS = 50;

interface PageState {
  readyState: string;
  lastMutation: number;
}

/**
 * page.evaluate, bounded: Playwright holds an evaluation while a navigation is pending, and a
 * navigation destroys the context it runs in; both give `fallback` instead of waiting or failing.
 */
export async function evaluateWithin<T>(
  page: Page,
  fn: () => T,
  budgetMs: number,
  fallback: T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(budgetMs, POLL_MS));
  });
  try {
    return await Promise.race([page.evaluate(fn) as Promise<T>, timeout]);
  } catch {
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

function readState(page: Page, budgetMs: number): Promise<PageState> {
  const busy: PageState = { readyState: 'loading', lastMutation: Date.now() };
  return evaluateWithin(
    page,
    () => ({
      readyState: document.readyState as string,
      lastMutation: (globalThis as { __shopsimDom?: { last: number } }).__shopsimDom?.last ?? 0,
    }),
    budgetMs,
    busy,
  );
}

/**
 * Waits until the page is loaded and quiet: no main-frame navigation pending, the document
 * complete, and neither network nor DOM activity for `quietMs` (counted from `since`, the moment
 * of the action, so a navigation the action is about to start is not missed). Returns whether it
 * went quiet; a loaded page that stays busy is accepted after `quietCapMs`. Throws
 * NavigationTimeoutError when a navigation has not finished within `timeoutMs`.
 */
export async function waitForSettle(
  page: Page,
  tracker: NetworkTracker,
  options: SettleOptions,
  since: number,
  what: string,
): Promise<boolean> {
  for (;;) {
    const elapsed = Date.now() - since;
    const state = page.isClosed()
      ? null
      : await readState(page, Math.min(1_000, options.timeoutMs - elapsed));
    if (!state) return true;
    const now = Date.now();
    const navigating = tracker.navigationPending || state.readyState === 'loading';
    const quietFrom = Math.max(since, tracker.lastActivity, state.lastMutation);
    const quiet =
      !navigating &&
      tracker.inflightCount === 0 &&
      state.readyState === 'complete' &&
      now - quietFrom >= options.quietMs;
    if (quiet) return true;
    if (now - since >= options.timeoutMs) {
      if (!navigating) return false;
      throw await navigationTimeout(page, what, options.timeoutMs);
    }
    if (now - since >= options.quietCapMs && !navigating) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Stops the pending navigation (so the session stays usable on the page it was on) and returns
 * the error to throw.
 */
export async function navigationTimeout(
  page: Page,
  what: string,
  timeoutMs: number,
): Promise<NavigationTimeoutError> {
  await stopLoading(page);
  return new NavigationTimeoutError(
    `${what}: the page did not finish loading within ${seconds(timeoutMs)} ` +
      `(still at ${page.url()}); try the action again later or choose another element.`,
  );
}
