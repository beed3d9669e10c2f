import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright';
import { formatAction, type Action } from '../action.js';
import { ShopsimError } from '../errors.js';
import type { Observation } from '../observe/observation.js';
import type { Recipe } from '../observe/recipe.js';
import { readOpenCount, sameStamp, DOM_WATCH_SCRIPT, type DomStamp } from './dom-watch.js';
import { clickElement, describeElement, locateByName, typeAndSubmit } from './element-actions.js';
import type { NetworkTracker } from './network-tracker.js';
import { gotoStart } from './navigate.js';
import { ContextTracing } from './pw-tracing.js';
import { evaluateWithin, waitForSettle, DEFAULT_SETTLE, type SettleOptions } from './settle.js';
import { MASK_ATTRIBUTE } from '../record/sensitive.js';
import { currentStamp, markSensitiveFields, observePage } from './simplify.js';
import { OriginPolicy } from '../guard/origins.js';
import { SiteGuard } from './site-guard.js';
import { SessionTabs } from './tabs.js';
import { viewportBox, type ViewportBox } from './target-box.js';

export interface SessionOptions {
  startUrl: string;
  recipe?: Recipe | null;
  /** Bound on any navigation or page load (NavigationTimeoutError after it). Default 15 s. */
  timeoutMs?: number;
  /** Bound on the click or typing itself (actionability). Default 3 s. */
  actionTimeoutMs?: number;
  /** Quiet period that counts as settled, and the cap on waiting for it. Defaults 150 ms / 5 s. */
  quietMs?: number;
  quietCapMs?: number;
  viewport?: { width: number; height: number };
  extraHTTPHeaders?: Record<string, string>;
  /** Cookies for the start URL, in the context's cookie jar before the first load. */
  cookies?: Record<string, string>;
  userAgent?: string;
  /** Abort every http(s) request (for saved pages opened from file:// URLs). */
  blockNetwork?: boolean;
  /** Where screenshot() without a path writes step-NNN.png. */
  screenshotDir?: string | null;
  /** Record a Playwright trace of the session into this zip (written when the session closes). */
  pwTraceFile?: string | null;
  /**
   * The live-site guard (src/guard/origins.ts): the session stays on the start URL's origin, the
   * origin it landed on, and these `--allow-origin` patterns. On by default; false turns it off.
   */
  guard?: { allowOrigins: readonly string[] } | false;
  /**
   * More options for the new context (storageState, httpCredentials, proxy, locale, ...); the
   * session's own viewport, headers, user agent and download setting apply over them.
   */
  contextOptions?: BrowserContextOptions;
}

/** The colour screenshots paint over sensitive fields (opaque magenta, Playwright's default). */
export const MASK_COLOR = '#FF00FF';

/** What one executed action did. Failures are thrown as ActionError subclasses instead. */
export interface ExecuteResult {
  ok: true;
  urlAfter: string;
  /** The main document changed (a new page or a history change), in this tab or a new one. */
  navigated: boolean;
  /** The action opened a new tab and the session switched to it. */
  newTab: boolean;
  /** The page went quiet within the settle cap (false: it was still busy, but usable). */
  settled: boolean;
  /** Milliseconds spent, after the click or typing itself, waiting for the page to settle. */
  settleMs: number;
  /** Dialogs (alert/confirm/prompt) the action raised; all were accepted. */
  dialogs: string[];
  /** The session ended (terminate, or the last tab closed itself). */
  closed: boolean;
}

interface Marking {
  page: Page;
  stamp: DomStamp | null;
  names: string[];
}

/** One shopper's browser context: observe the current page, execute actions by semantic name. */
export class BrowserSession {
  private current: Page;
  private readonly tabs: SessionTabs;
  private marking: Marking | null = null;
  private screenshots = 0;
  private ended = false;

  constructor(
    readonly context: BrowserContext,
    page: Page,
    private readonly recipe: Recipe | null,
    private readonly settleOptions: SettleOptions,
    private readonly actionTimeoutMs: number,
    private readonly screenshotDir: string | null,
    private readonly tracing: ContextTracing | null = null,
    private readonly guard: SiteGuard | null = null,
  ) {
    this.current = page;
    this.tabs = new SessionTabs(context, page);
  }

  /** The tab the shopper is looking at (switches when an action opens a new tab). */
  get page(): Page {
    return this.current;
  }

  get closed(): boolean {
    return this.ended;
  }

  private tracker(page: Page): NetworkTracker {
    return this.tabs.tracker(page);
  }

  /** Loads the start URL and waits for it to settle. */
  async start(url: string): Promise<void> {
    await gotoStart(this.current, url, this.settleOptions.timeoutMs);
    // the site's own redirects of the start page (http -> https, www.) stay allowed
    await this.guard?.landed(this.current);
    await waitForSettle(
      this.current,
      this.tracker(this.current),
      this.settleOptions,
      Date.now(),
      `open ${url}`,
    );
  }

  /** Simplifies the current page and names its elements. */
  async observe(): Promise<Observation> {
    this.assertOpen();
    return this.mark();
  }

  /**
   * Runs the simplifier on the current page and remembers which DOM state the names belong to.
   * A navigation the page starts by itself (a script redirect) destroys the document under the
   * simplifier; then the page is let settle and observed again.
   */
  private async mark(): Promise<Observation> {
    for (let attempt = 1; ; attempt++) {
      const page = this.current;
      try {
        const { observation, stamp } = await observePage(page, this.recipe);
        this.marking = { page, stamp, names: observation.elements.map((e) => e.name) };
        return observation;
      } catch (error) {
        const destroyed = /Execution context was destroyed|navigat/i.test(String(error));
        if (!destroyed || attempt >= 3) throw error;
        await waitForSettle(page, this.tracker(page), this.settleOptions, Date.now(), 'observe');
      }
    }
  }

  /** Names on the live page, re-marking it first if it changed since it was last observed. */
  private async ensureMarked(): Promise<string[]> {
    const stamp = await currentStamp(this.current);
    if (this.marking?.page === this.current && sameStamp(this.marking.stamp, stamp)) {
      return this.marking.names;
    }
    return (await this.mark()).elements.map((e) => e.name);
  }

  async execute(action: Action): Promise<ExecuteResult> {
    this.assertOpen();
    if (action.type === 'terminate') {
      const urlAfter = this.current.url();
      this.tabs.checkpoint();
      await this.close();
      return this.result({ navigated: false, newTab: false, settled: true, urlAfter });
    }
    const page = this.current;
    const names = await this.ensureMarked();
    const locator = await locateByName(page, action.name, names);
    const info = await describeElement(locator, this.actionTimeoutMs);
    const tracker = this.tracker(page);
    const navigationsBefore = tracker.mainFrameNavigations;
    const checkpoint = this.tabs.checkpoint();
    const openCallsBefore = await evaluateWithin(page, readOpenCount, 1_000, 0);
    const since = Date.now();
    const timeouts = { actionMs: this.actionTimeoutMs, navigationMs: this.settleOptions.timeoutMs };
    if (action.type === 'click') {
      await clickElement(locator, action.name, info, timeouts);
    } else {
      await typeAndSubmit(locator, action.name, info, action.text, timeouts);
    }
    const what = formatAction(action);
    const acted = Date.now();
    const settled = await waitForSettle(page, tracker, this.settleOptions, since, what);
    const navigated = tracker.mainFrameNavigations > navigationsBefore;
    const guardCheck = async () => {
      if (!this.guard || page.isClosed()) return;
      await this.guard.check(page, this.tabs.openedSince(checkpoint), this.settleOptions.timeoutMs);
    };
    await guardCheck();
    const scriptOpened =
      !page.isClosed() && (await evaluateWithin(page, readOpenCount, 1_000, 0)) > openCallsBefore;
    const expectTab = info.opensTab || scriptOpened;
    const popup = await this.tabs.newTab(checkpoint, expectTab ? this.settleOptions.timeoutMs : 0);
    await guardCheck(); // a new window's first request may be routed only now
    if (popup && !popup.isClosed()) {
      this.current = popup;
      const popupSettled = await waitForSettle(
        popup,
        this.tracker(popup),
        this.settleOptions,
        Date.now(),
        what,
      );
      return this.result({ navigated: true, newTab: true, settled: popupSettled, acted });
    }
    if (page.isClosed()) {
      const remaining = this.tabs.lastOpen();
      if (!remaining) {
        await this.close();
        return this.result({ navigated, newTab: false, settled, urlAfter: page.url(), acted });
      }
      this.current = remaining;
      return this.result({ navigated: true, newTab: false, settled, acted });
    }
    return this.result({ navigated, newTab: false, settled, acted });
  }

  private result(
    fields: Pick<ExecuteResult, 'navigated' | 'newTab' | 'settled'> & {
      urlAfter?: string;
      /** When the click or typing finished (settling started); absent: nothing was waited for. */
      acted?: number;
    },
  ): ExecuteResult {
    return {
      ok: true,
      urlAfter: fields.urlAfter ?? this.current.url(),
      navigated: fields.navigated,
      newTab: fields.newTab,
      settled: fields.settled,
      settleMs: fields.acted === undefined ? 0 : Date.now() - fields.acted,
      dialogs: this.tabs.dialogMessages(),
      closed: this.ended,
    };
  }

  /**
   * Where the element an action targets is drawn in the viewport, scrolled into view first (as
   * the action itself would), so a screenshot taken next can show it highlighted. Null for
   * terminate, a name the page does not hold, or an element that is not drawn.
   */
  async targetBox(action: Action): Promise<ViewportBox | null> {
    this.assertOpen();
    if (action.type === 'terminate') return null;
    try {
      const names = await this.ensureMarked();
      const locator = await locateByName(this.current, action.name, names);
      return await viewportBox(this.current, locator, 1_000);
    } catch {
      return null;
    }
  }

  /**
   * Saves a PNG of the current viewport; without a path, into screenshotDir as step-NNN.png.
   * Sensitive fields (markSensitive, src/record/sensitive.ts) are painted over in MASK_COLOR.
   */
  async screenshot(file?: string): Promise<string> {
    this.assertOpen();
    let target = file;
    if (!target) {
      if (!this.screenshotDir) {
        throw new ShopsimError('screenshot(): give a path or open the session with screenshotDir.');
      }
      this.screenshots++;
      target = path.join(
        this.screenshotDir,
        `step-${String(this.screenshots).padStart(3, '0')}.png`,
      );
    }
    // payment, password and personal fields are masked (the one sensitivity rule)
    await markSensitiveFields(this.current);
    await this.current.screenshot({
      path: target,
      mask: [this.current.locator(`[${MASK_ATTRIBUTE}]`)],
      maskColor: MASK_COLOR,
    });
    return target;
  }

  /** Opens a group named `label` in the Playwright trace (nothing without one). */
  async beginStep(label: string): Promise<void> {
    if (!this.ended) await this.tracing?.group(label);
  }

  async endStep(): Promise<void> {
    if (!this.ended) await this.tracing?.groupEnd();
  }

  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.tracing?.save();
    } catch (error) {
      process.stderr.write(
        `warning: the Playwright trace ${this.tracing?.file} could not be written: ` +
          `${(error as Error).message.split('\n')[0]}\n`,
      );
    }
    await this.context.close().catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.ended) throw new ShopsimError('this browser session is closed; open a new one.');
  }
}

/** Opens a fresh browser context on the start URL. Close it with session.close(). */
export async function openSession(
  browser: Browser,
  options: SessionOptions,
): Promise<BrowserSession> {
  const context = await browser.newContext({
    ...options.contextOptions,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: false,
    ...(options.extraHTTPHeaders ? { extraHTTPHeaders: options.extraHTTPHeaders } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  let tracing: ContextTracing | null = null;
  const guard =
    options.guard === false
      ? null
      : new SiteGuard(new OriginPolicy(options.startUrl, options.guard?.allowOrigins ?? []));
  try {
    await context.addInitScript(DOM_WATCH_SCRIPT);
    const cookies = Object.entries(options.cookies ?? {});
    if (cookies.length)
      await context.addCookies(cookies.map(([name, value]) => ({ name, value, url: options.startUrl }))); // prettier-ignore
    await guard?.install(context);
    if (options.blockNetwork) await context.route(/^(https?|wss?):\/\//, (route) => route.abort());
    const timeoutMs = options.timeoutMs ?? DEFAULT_SETTLE.timeoutMs;
    context.setDefaultTimeout(timeoutMs);
    tracing = options.pwTraceFile
      ? await ContextTracing.start(
          context,
          options.pwTraceFile,
          path.basename(options.pwTraceFile, '.trace.zip'),
        )
      : null;
    const page = await context.newPage();
    const session = new BrowserSession(
      context,
      page,
      options.recipe ?? null,
      {
        timeoutMs,
        quietMs: options.quietMs ?? DEFAULT_SETTLE.quietMs,
        quietCapMs: Math.min(options.quietCapMs ?? DEFAULT_SETTLE.quietCapMs, timeoutMs),
      },
      options.actionTimeoutMs ?? 3_000,
      options.screenshotDir ?? null,
      tracing,
      guard,
    );
    await session.start(options.startUrl);
    return session;
  } catch (error) {
    await tracing?.save().catch(() => undefined); // a start that failed is worth a look
    await context.close().catch(() => undefined);
    throw error;
  }
}
