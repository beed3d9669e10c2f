/** The header's "Shop" mega-menu and the search overlay behind the magnifier icon. */
import { HEADER_IDS } from '../header-ids.js';
import { $, html, lockScroll, on, portal, raw, useId } from './dom.js';
import { ICONS } from './icons.js';
import { navigate, onNavigate } from './router.js';

const POPULAR = ['running shoes', 'headphones', 'rain jacket', 'coffee'];

function setMenu(open: boolean): void {
  const button = document.getElementById(HEADER_IDS.menuButton);
  const panel = document.getElementById(HEADER_IDS.menuPanel);
  if (!button || !panel) return;
  button.setAttribute('aria-expanded', String(open));
  button.dataset.state = open ? 'open' : 'closed';
  panel.dataset.state = open ? 'open' : 'closed';
  panel.hidden = !open;
}

export function installMegaMenu(): void {
  const button = document.getElementById(HEADER_IDS.menuButton);
  const panel = document.getElementById(HEADER_IDS.menuPanel);
  if (!button || !panel) return;
  on(button, 'click', () => setMenu(panel.hidden));
  on(document, 'pointerdown', (event) => {
    const target = event.target as Node;
    if (!panel.hidden && !panel.contains(target) && !button.contains(target)) setMenu(false);
  });
  on(document, 'keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      setMenu(false);
      button.focus();
    }
  });
  onNavigate(() => setMenu(false));
}

let overlay: HTMLElement | null = null;

function closeSearch(): void {
  if (!overlay) return;
  overlay.remove();
  overlay = null;
  lockScroll(false);
  document.getElementById(HEADER_IDS.searchButton)?.setAttribute('aria-expanded', 'false');
}

function openSearch(): void {
  if (overlay) return;
  const inputId = useId();
  const current = new URLSearchParams(location.search).get('q') ?? '';
  overlay = portal(
    html`<div role="dialog" aria-modal="true" aria-label="Search" class="fixed inset-0 z-50">
      <div class="fixed inset-0 bg-neutral-950/40" aria-hidden="true" data-backdrop></div>
      <div class="relative w-full bg-white shadow-xl">
        <form
          role="search"
          action="/search"
          method="get"
          class="mx-auto flex max-w-3xl items-center gap-3 border-b border-neutral-200 px-4 py-3"
        >
          ${raw(ICONS.search)}
          <label for="${inputId}" class="sr-only">Search products</label>
          <input
            id="${inputId}"
            name="q"
            type="search"
            value="${location.pathname === '/search' ? current : ''}"
            placeholder="Search for products, brands and more"
            autocomplete="off"
            class="h-12 min-w-0 flex-1 border-0 bg-transparent text-lg outline-none"
          />
          <button
            type="button"
            aria-label="Close search"
            data-close
            class="inline-flex size-10 items-center justify-center rounded-full hover:bg-neutral-100"
          >
            ${raw(ICONS.close)}
          </button>
        </form>
        <div class="mx-auto max-w-3xl px-4 py-5">
          <p class="text-xs font-semibold uppercase tracking-wider text-neutral-500">
            Popular searches
          </p>
          <ul role="list" class="mt-3 flex flex-wrap gap-2">
            ${POPULAR.map(
              (q) =>
                html`<li>
                  <a
                    href="/search?${new URLSearchParams({ q }).toString()}"
                    class="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-50"
                    >${q}</a
                  >
                </li>`,
            )}
          </ul>
        </div>
      </div>
    </div>`,
    'radix-search-portal',
  );
  lockScroll(true);
  document.getElementById(HEADER_IDS.searchButton)?.setAttribute('aria-expanded', 'true');
  const input = $<HTMLInputElement>(overlay, 'input');
  on($(overlay, 'form'), 'submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return input.focus();
    closeSearch();
    navigate(`/search?${new URLSearchParams({ q }).toString()}`);
  });
  on($(overlay, '[data-backdrop]'), 'click', closeSearch);
  on($(overlay, '[data-close]'), 'click', closeSearch);
  input.focus();
}

export function installSearch(): void {
  const button = document.getElementById(HEADER_IDS.searchButton);
  if (button) on(button, 'click', openSearch);
  on(document, 'keydown', (event) => {
    if (event.key === 'Escape') closeSearch();
  });
  onNavigate(closeSearch);
}
