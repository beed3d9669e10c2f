import type { BrowserContext, Frame, Page, Route } from 'playwright';
import { NavigationBlockedError } from '../errors.js';
import type { OriginPolicy } from '../guard/origins.js';
import { addOpenGuard, extendOpenGuard, takeRefusedOpens } from './open-guard.js';

interface Blocked {
  url: string;
  how: string;
  page: Page;
}

/**
 * The browser half of the live-site guard (the rule is src/guard/origins.ts): every top-level
 * document request of the session's context that leaves the allowed origins is aborted before it
 * is sent (link clicks, form submissions, `location = ...` redirects); window.open on such an
 * address is refused in the page (open-guard.ts); a new window that still shows an off-site
 * address (a target=_blank link, whose first request Chromium may send before the router sees
 * it) is closed. Requests of frames and subresources
 * (scripts, images, iframes) are not touched. A server redirect cannot be stopped by request
 * routing (the browser follows it without asking); when the page lands off-site that way, it is
 * taken back. Each blocked navigation becomes the error of the step that caused it.
 */
export class SiteGuard {
  private pending: Blocked[] = [];

  constructor(readonly policy: OriginPolicy) {}

  async install(context: BrowserContext): Promise<void> {
    await addOpenGuard(context, this.policy.rules());
    await context.route(
      (url) => !this.policy.allows(url.href),
      (route) => this.handle(route),
    );
  }

  /** Allows the origin the start page landed on, in the router and in the page. */
  async landed(page: Page): Promise<void> {
    const url = page.url();
    if (this.policy.allows(url)) return;
    this.policy.addOrigin(url);
    await addOpenGuard(page.context(), this.policy.rules());
    await extendOpenGuard(page, this.policy.rules());
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    let frame: Frame | null = null;
    try {
      frame = request.frame();
    } catch {
      frame = null; // a service worker's request
    }
    if (!frame || !request.isNavigationRequest() || frame.parentFrame() !== null) {
      await route.fallback();
      return;
    }
    const how = request.method() === 'GET' ? 'navigation' : 'form submission';
    this.pending.push({ url: request.url(), how, page: frame.page() });
    await route.abort('aborted').catch(() => undefined);
  }

  /**
   * After an action: throws a NavigationBlockedError naming every navigation blocked since the
   * last check (closing popups that never showed an allowed page), and takes back a page of
   * `pages` that a server redirect moved off the allowed origins.
   */
  async check(current: Page, opened: readonly Page[], timeoutMs: number): Promise<void> {
    const messages = (await takeRefusedOpens(current)).map((url) =>
      this.policy.blockedMessage(url, 'a new window (window.open)'),
    );
    const blocked = this.pending;
    this.pending = [];
    for (const b of blocked) {
      // a window opened for an off-site page has nothing else to show
      const popup = b.page !== current;
      if (popup) await b.page.close().catch(() => undefined);
      messages.push(this.policy.blockedMessage(b.url, popup ? `a new window (${b.how})` : b.how));
    }
    const handled = new Set(blocked.map((b) => b.page));
    for (const page of [current, ...opened]) {
      if (handled.has(page) || page.isClosed() || this.policy.allows(page.url())) continue;
      if (page === current) {
        messages.push(this.policy.blockedMessage(page.url(), 'a redirect'));
        await page.goBack({ timeout: timeoutMs }).catch(() => undefined);
      } else {
        messages.push(this.policy.blockedMessage(page.url(), 'a new window'));
        await page.close().catch(() => undefined);
      }
    }
    if (messages.length) throw new NavigationBlockedError([...new Set(messages)].join(' '));
  }
}
