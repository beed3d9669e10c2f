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

export const DEFAULT_SETTLE: SettleOptions = { timeoutMs: 15_000, quietMs: 150, quietCapMs: 5_000 };

/** Longest pause between two looks at the page while it is busy. */
const POLL_MS = 50;
/** Shortest pause: the page is re-read this soon when its quiet window is about to end. */
const MIN_POLL_MS = 10;

interface PageState {
  readyState: string;
  lastMutation: number;
  /** CSS transitions/animations still running that will end (a drawer sliding in). */
  animating: boolean;
  /** The page's own fetch/XHR calls whose answer it has not handled yet (see dom-watch.ts). */
  requests: number;
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
  const busy: PageState = {
    readyState: 'loading',
    lastMutation: Date.now(),
    animating: true,
    requests: 0,
  };
  return evaluateWithin(
    page,
    () => ({
      readyState: document.readyState as string,
      lastMutation: (globalThis as { __shopsimDom?: { last: number } }).__shopsimDom?.last ?? 0,
      requests:
        (globalThis as { __shopsimDom?: { requests?: number } }).__shopsimDom?.requests ?? 0,
      // endless ones (spinners, skeleton pulses) never end and are not waited for
      animating: document.getAnimations().some((a) => {
        const end = a.effect?.getComputedTiming().endTime;
        return a.playState === 'running' && typeof end === 'number' && Number.isFinite(end);
      }),
    }),
    budgetMs,
    busy,
  );
}

/**
 * Waits until the page is loaded and quiet: no main-frame navigation pending, the document
 * complete, no finite CSS transition running, no fetch/XHR the page is still waiting on or has
 * not yet handled, and neither network (fetch, XHR, documents, any
 * request but event streams and sockets) nor DOM activity for `quietMs` (counted from `since`, the moment
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
    const idle =
      !navigating &&
      tracker.inflightCount === 0 &&
      state.requests <= 0 &&
      state.readyState === 'complete' &&
      !state.animating;
    if (idle && now - quietFrom >= options.quietMs) return true;
    if (now - since >= options.timeoutMs) {
      if (!navigating) return false;
      throw await navigationTimeout(page, what, options.timeoutMs);
    }
    if (now - since >= options.quietCapMs && !navigating) return false;
    // idle: look again when the quiet window would end; busy: poll
    const wait = idle ? quietFrom + options.quietMs - now : POLL_MS;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(POLL_MS, Math.max(MIN_POLL_MS, wait))),
    );
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
