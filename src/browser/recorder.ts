import type { BrowserContext, Page } from 'playwright';
import { launchBrowser } from './launch.js';
import { gotoStart } from './navigate.js';

/**
 * The Playwright side of `shopsim record`: a browser window a person shops in, with the
 * recorder's in-page script installed in every document (every tab) and one exposed binding
 * that delivers its messages. What the messages mean is src/record's business.
 */

export interface RecorderBrowserOptions {
  startUrl: string;
  headless: boolean;
  browserPath: string | null;
  /** Installed before any page script in every document (config + simplifier + recorder). */
  initScript: string;
  bindingName: string;
  onMessage: (payload: unknown) => void;
  timeoutMs?: number;
}

export interface RecorderBrowser {
  /** The first tab (tests drive it like a person would). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Resolves when the person closed every tab or the window, or the browser went away. */
  readonly closed: Promise<void>;
  /** Programmatic end (Ctrl-C, tests): publishes the open pages' latest state, then closes. */
  close(): Promise<void>;
}

const FLUSH = '__shopsimRecorderFlush';

export async function openRecorderBrowser(
  options: RecorderBrowserOptions,
): Promise<RecorderBrowser> {
  const browser = await launchBrowser({
    headless: options.headless,
    browserPath: options.browserPath,
    handleSignals: false,
  });
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  browser.on('disconnected', () => resolveClosed());
  try {
    const context = await browser.newContext({
      // a visible window keeps its own size; headless gets a desktop viewport
      viewport: options.headless ? { width: 1280, height: 800 } : null,
      acceptDownloads: false,
    });
    context.setDefaultTimeout(options.timeoutMs ?? 15_000);
    await context.exposeBinding(options.bindingName, (_source, payload: unknown) => {
      options.onMessage(payload);
    });
    await context.addInitScript({ content: options.initScript });
    const watch = (page: Page): void => {
      page.on('close', () => {
        if (context.pages().every((p) => p.isClosed())) resolveClosed();
      });
    };
    context.on('page', watch);
    context.on('close', () => resolveClosed());
    const page = await context.newPage();
    await gotoStart(page, options.startUrl, options.timeoutMs ?? 15_000);
    let closing: Promise<void> | null = null;
    return {
      page,
      context,
      closed,
      close(): Promise<void> {
        closing ??= (async () => {
          for (const open of context.pages()) {
            await open
              .evaluate((flush) => {
                const fn = (globalThis as Record<string, unknown>)[flush];
                if (typeof fn === 'function') (fn as () => void)();
              }, FLUSH)
              .catch(() => undefined);
          }
          // let the flushed messages arrive before the connection goes away
          for (const open of context.pages()) await open.evaluate(() => 0).catch(() => undefined);
          await browser.close().catch(() => undefined);
          resolveClosed();
        })();
        return closing;
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
