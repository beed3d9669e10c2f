import type { BrowserContext, Page } from 'playwright';
import { NetworkTracker } from './network-tracker.js';

/**
 * The tabs of one session's browser context: every tab gets a network tracker and a dialog
 * handler that accepts alert/confirm/prompt (and beforeunload) and remembers their messages;
 * tabs the pages open are collected so an action can switch to the one it opened.
 */
export class SessionTabs {
  private readonly trackers = new WeakMap<Page, NetworkTracker>();
  private readonly opened: Page[] = [];
  private dialogs: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    first: Page,
  ) {
    this.attach(first);
    context.on('page', (page) => {
      if (this.trackers.has(page)) return;
      this.attach(page);
      this.opened.push(page);
    });
  }

  private attach(page: Page): void {
    this.trackers.set(page, new NetworkTracker(page));
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.accept().catch(() => undefined);
    });
  }

  tracker(page: Page): NetworkTracker {
    let tracker = this.trackers.get(page);
    if (!tracker) {
      this.attach(page);
      tracker = this.trackers.get(page)!;
    }
    return tracker;
  }

  /** Marks the start of an action: returns a checkpoint for newTab() and clears the dialogs. */
  checkpoint(): number {
    this.dialogs = [];
    return this.opened.length;
  }

  /** Tabs opened since the checkpoint (closed ones included). */
  openedSince(checkpoint: number): Page[] {
    return this.opened.slice(checkpoint);
  }

  /** Messages of the dialogs answered since the last checkpoint. */
  dialogMessages(): string[] {
    return [...this.dialogs];
  }

  /**
   * The newest tab opened since the checkpoint, if any. Playwright announces a tab only once its
   * first page has committed, so when one is expected (a link with a target, a window.open call)
   * the announcement is awaited up to `waitMs`.
   */
  async newTab(checkpoint: number, waitMs: number): Promise<Page | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const since = this.opened.slice(checkpoint);
      const tab = since.filter((p) => !p.isClosed()).at(-1);
      // a tab that opened and closed again (the live-site guard closes off-site windows)
      if (!tab && since.length > 0) return null;
      if (tab || Date.now() >= deadline) return tab ?? null;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The most recently opened tab still open (after the current one closed itself). */
  lastOpen(): Page | null {
    return (
      this.context
        .pages()
        .filter((p) => !p.isClosed())
        .at(-1) ?? null
    );
  }
}
