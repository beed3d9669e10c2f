/** Client-side navigation like Next's <Link>: same-site page links render without a page load. */
import { matchRoute } from '../route-match.js';
import { isHydrated } from './dom.js';

type Renderer = (url: URL) => Promise<void>;

let renderer: Renderer = async () => undefined;
const navigationListeners: (() => void)[] = [];

export function setRenderer(render: Renderer): void {
  renderer = render;
}

/** Runs before every client-side page change (menus and overlays close). */
export function onNavigate(listener: () => void): void {
  navigationListeners.push(listener);
}

/** Whether the router renders this URL itself; other URLs (the order page) load from the server. */
function clientRoutable(url: URL): boolean {
  const route = matchRoute(url.pathname);
  return url.origin === location.origin && route !== null && route.kind !== 'order';
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  if (!clientRoutable(url)) {
    location.assign(url.href);
    return;
  }
  for (const listener of navigationListeners) listener();
  if (options.replace) history.replaceState(null, '', url.href);
  else history.pushState(null, '', url.href);
  window.scrollTo(0, 0);
  void renderer(url);
}

/** Takes over plain left clicks on same-site links (before hydration they load normally). */
export function installRouter(): void {
  document.addEventListener('click', (event) => {
    if (!isHydrated() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (!clientRoutable(url)) return;
    const samePage = url.pathname === location.pathname && url.search === location.search;
    if (samePage && url.hash) return;
    event.preventDefault();
    navigate(url.href);
  });
  window.addEventListener('popstate', () => {
    for (const listener of navigationListeners) listener();
    void renderer(new URL(location.href));
  });
}
