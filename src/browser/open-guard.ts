import type { BrowserContext, Page } from 'playwright';
import type { OriginRules } from '../guard/origins.js';

/**
 * In-page half of the live-site guard for `window.open`: a window opened by script on an address
 * outside the allowed origins is refused in the page (window.open returns null, as a popup
 * blocker does), so no request is sent. Request routing alone is not enough here: Chromium may
 * send a new window's first request before the router is attached to it. The rules are those of
 * OriginPolicy (src/guard/origins.ts), passed in as data; the function runs in the page and must
 * stay self-contained. Calling it again adds origins (the start page's landing origin).
 */
function installOpenGuard(rules: OriginRules): void {
  type Rule = { scheme: string; host: string; port: string };
  type State = OriginRules & { blocked: string[]; installed?: boolean };
  const g = globalThis as { __shopsimGuard?: State };
  const state = (g.__shopsimGuard ??= { origins: [], wildcards: [], exact: [], blocked: [] });
  state.origins.push(...rules.origins);
  state.wildcards.push(...rules.wildcards);
  state.exact.push(...rules.exact);
  if (state.installed) return;
  state.installed = true;
  const fits = (u: URL, r: Rule, wildcard: boolean) =>
    r.scheme === u.protocol &&
    r.port === (u.port || (u.protocol === 'https:' ? '443' : '80')) &&
    (wildcard ? u.hostname.endsWith(`.${r.host}`) : u.hostname === r.host);
  const allowed = (u: URL) =>
    (u.protocol !== 'http:' && u.protocol !== 'https:') ||
    state.origins.includes(u.origin) ||
    state.wildcards.some((r) => fits(u, r, true)) ||
    state.exact.some((r) => fits(u, r, false));
  const open = window.open;
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    const [url] = args;
    if (url !== undefined && url !== null && String(url) !== '') {
      let target: URL | null = null;
      try {
        target = new URL(String(url), location.href);
      } catch {
        target = null;
      }
      if (target && !allowed(target)) {
        state.blocked.push(target.href);
        return null;
      }
    }
    return open.apply(this, args);
  };
}

/** Installs the window.open guard in every document of the context, from now on. */
export async function addOpenGuard(context: BrowserContext, rules: OriginRules): Promise<void> {
  await context.addInitScript(installOpenGuard, rules);
}

/** Allows more origins in the current document (the init script covers the next ones). */
export async function extendOpenGuard(page: Page, rules: OriginRules): Promise<void> {
  await page.evaluate(installOpenGuard, rules).catch(() => undefined);
}

/** Addresses window.open refused in the page since the last call. */
export async function takeRefusedOpens(page: Page): Promise<string[]> {
  return page
    .evaluate(() => {
      const state = (globalThis as { __shopsimGuard?: { blocked: string[] } }).__shopsimGuard;
      const blocked = state?.blocked ?? [];
      if (state) state.blocked = [];
      return blocked;
    })
    .catch(() => []);
}
