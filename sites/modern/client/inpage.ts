/**
 * The modern shop's browser code (bundled by esbuild, see bundle.ts). It renders every page from
 * the JSON API into the server's skeleton shell and hydrates late: for hydrationDelayMs after the
 * script starts, clicks on buttons do nothing.
 */
import { matchRoute } from '../route-match.js';
import type { PageDataJson } from '../types.js';
import { loadCart } from './cart-store.js';
import { installCookieBanner, scheduleNewsletter } from './consent.js';
import { html, markHydrated, setHtml } from './dom.js';
import { installDrawer } from './drawer.js';
import { installMegaMenu, installSearch } from './header.js';
import { installRouter, setRenderer } from './router.js';
import { renderCheckout } from './views/checkout.js';
import { NotFound, renderHome, renderListing } from './views/listing.js';
import { renderProduct } from './views/product.js';

const data = JSON.parse(
  document.getElementById('__NEXT_DATA__')?.textContent ?? '{}',
) as PageDataJson;
let renderCount = 0;

async function renderPage(url: URL): Promise<string> {
  const main = document.getElementById('main-content')!;
  const route = matchRoute(url.pathname);
  switch (route?.kind) {
    case 'home':
      return renderHome(main);
    case 'collection':
      return renderListing(main, url, route.slug);
    case 'search':
      return renderListing(main, url, null);
    case 'product':
      return renderProduct(main, route.handle);
    case 'checkout':
      return renderCheckout(main);
    default:
      throw new NotFound('There is no page at this address.');
  }
}

/** Renders the page for `url` into <main>; a newer navigation wins over a slower older one. */
async function render(url: URL): Promise<void> {
  const main = document.getElementById('main-content');
  if (!main) return;
  const mine = ++renderCount;
  main.setAttribute('aria-busy', 'true');
  let title: string;
  try {
    title = await renderPage(url);
  } catch (error) {
    if (mine !== renderCount) return;
    const notFound = error instanceof NotFound;
    setHtml(
      main,
      html`<div class="mx-auto flex max-w-xl flex-col items-start gap-4 py-16">
        <h1 class="text-3xl font-semibold tracking-tight">
          ${notFound ? 'Page not found' : 'Something went wrong'}
        </h1>
        <p class="text-neutral-600">${(error as Error).message}</p>
        <a href="/" class="text-sm font-medium underline">Back to the home page</a>
      </div>`,
    );
    title = notFound ? 'Page not found' : 'Error';
  }
  if (mine !== renderCount) return;
  main.setAttribute('aria-busy', 'false');
  document.title = `${title} – ${data.shopName}`;
}

function boot(): void {
  installRouter();
  installMegaMenu();
  installSearch();
  installDrawer();
  setRenderer(render);
  void loadCart().catch(() => undefined);
  if (data.page !== 'order' && data.page !== '404') void render(new URL(location.href));
  setTimeout(() => {
    markHydrated();
    installCookieBanner();
  }, data.hydrationDelayMs);
  scheduleNewsletter(data.newsletterDelayMs);
}

boot();
