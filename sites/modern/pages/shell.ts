import { html, raw, type Html } from '../../shop/pages/html.js';
import type { ModernCatalog } from '../catalog.js';
import { ICONS } from '../client/icons.js';
import { HEADER_IDS } from '../header-ids.js';
import type { PageDataJson } from '../types.js';

export const SHOP_NAME = 'Northfold';

export interface ShellAssets {
  cssHref: string;
  jsHref: string;
}

export interface ShellOptions {
  title: string;
  /** The page kind the browser code renders: home, collection, search, product, checkout. */
  page: string;
  /** Server-rendered content of <main>: skeletons for client pages, the page itself otherwise. */
  main: Html;
  data: Omit<PageDataJson, 'page' | 'shopName'>;
}

/** JSON inside <script>: "<" is escaped so no string can close the element. */
function scriptJson(value: unknown): Html {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c'));
}

/** The document every page shares: announcement bar, header with mega-menu, main, footer. */
export function shell(shop: ModernCatalog, assets: ShellAssets, options: ShellOptions): Html {
  const data: PageDataJson = { ...options.data, page: options.page, shopName: SHOP_NAME };
  return html`<!doctype html>
    <html lang="en" class="h-full antialiased">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} – ${SHOP_NAME}</title>
        <link rel="stylesheet" href="${assets.cssHref}" data-precedence="next" />
        <script src="${assets.jsHref}" defer></script>
      </head>
      <body class="__className_4f1c2a flex min-h-full flex-col bg-white text-neutral-900">
        <div
          class="bg-neutral-900 px-4 py-2 text-center text-xs font-medium tracking-wide text-white"
        >
          Free standard shipping on orders over $35 · 30-day returns
        </div>
        ${header(shop)}
        <main
          id="main-content"
          class="mx-auto w-full max-w-7xl flex-1 px-4 pb-24 pt-6 sm:px-6 lg:px-8"
          aria-busy="${options.page === 'order' || options.page === '404' ? 'false' : 'true'}"
        >
          ${options.main}
        </main>
        ${footer(shop)}
        <script id="__NEXT_DATA__" type="application/json">
          ${scriptJson(data)}
        </script>
      </body>
    </html>`;
}

function header(shop: ModernCatalog): Html {
  return html`<header
    class="sticky top-0 z-30 border-b border-neutral-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80"
  >
    <div class="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
      <a href="/" class="text-xl font-semibold tracking-tight text-neutral-900">${SHOP_NAME}</a>
      <nav aria-label="Main" class="flex flex-1 items-center gap-4 text-sm font-medium">
        <button
          type="button"
          id="${HEADER_IDS.menuButton}"
          aria-haspopup="true"
          aria-expanded="false"
          aria-controls="${HEADER_IDS.menuPanel}"
          data-state="closed"
          class="group inline-flex items-center gap-1 rounded-md px-2 py-1.5 hover:bg-neutral-100 focus-visible:outline-2 data-[state=open]:bg-neutral-100"
        >
          Shop ${raw(ICONS.chevronDown)}
        </button>
        <a href="/collections/shoes" class="_navLink_1x2kq_9 hidden px-2 py-1.5 md:inline-block"
          >Shoes</a
        >
        <a href="/collections/audio" class="_navLink_1x2kq_9 hidden px-2 py-1.5 md:inline-block"
          >Audio</a
        >
      </nav>
      <div class="flex items-center gap-1">
        <button
          type="button"
          id="${HEADER_IDS.searchButton}"
          aria-haspopup="dialog"
          aria-expanded="false"
          class="inline-flex size-10 items-center justify-center rounded-full hover:bg-neutral-100"
        >
          ${raw(ICONS.search)}<span class="sr-only">Open search</span>
        </button>
        <button
          type="button"
          id="${HEADER_IDS.cartButton}"
          aria-haspopup="dialog"
          class="relative inline-flex h-10 items-center gap-1 rounded-full px-2 hover:bg-neutral-100"
        >
          ${raw(ICONS.bag)}<span
            data-cart-count
            class="min-w-5 rounded-full bg-neutral-900 px-1.5 text-center text-xs font-semibold leading-5 text-white"
            >0</span
          ><span class="sr-only">items in cart, view bag</span>
        </button>
      </div>
    </div>
    ${megaMenu(shop)}
  </header>`;
}

function megaMenu(shop: ModernCatalog): Html {
  return html`<div
    id="${HEADER_IDS.menuPanel}"
    aria-labelledby="${HEADER_IDS.menuButton}"
    data-state="closed"
    hidden
    class="absolute inset-x-0 top-full z-30 border-b border-neutral-200 bg-white shadow-lg"
  >
    <div class="mx-auto grid max-w-7xl grid-cols-4 gap-8 px-4 py-8 sm:px-6 lg:px-8">
      ${shop.menu.map(
        (column) =>
          html`<div class="flex flex-col gap-4">
            <p class="text-xs font-semibold uppercase tracking-wider text-neutral-500">
              ${column.heading}
            </p>
            ${column.categories.map(
              (category) =>
                html`<div>
                  <a
                    href="/collections/${category.slug}"
                    class="text-sm font-semibold text-neutral-900 hover:underline"
                    >${category.name}</a
                  >
                  <ul role="list" class="mt-2 flex flex-col gap-1.5">
                    ${category.types.map(
                      (type) =>
                        html`<li>
                          <a
                            href="/collections/${category.slug}?type=${type.slug}"
                            class="text-sm text-neutral-600 hover:text-neutral-900"
                            >${type.name}</a
                          >
                        </li>`,
                    )}
                  </ul>
                </div>`,
            )}
          </div>`,
      )}
      <a
        href="/collections/${shop.menu[0]!.categories[0]!.slug}"
        class="group relative flex flex-col justify-end overflow-hidden rounded-xl bg-neutral-100 p-6"
      >
        <span class="text-xs font-semibold uppercase tracking-wider text-neutral-500"
          >New season</span
        >
        <span class="mt-1 text-lg font-semibold text-neutral-900 group-hover:underline"
          >Fresh kicks for every run</span
        >
      </a>
    </div>
  </div>`;
}

function footer(shop: ModernCatalog): Html {
  return html`<footer class="border-t border-neutral-200 bg-neutral-50">
    <div class="mx-auto grid max-w-7xl grid-cols-3 gap-8 px-4 py-12 text-sm sm:px-6 lg:px-8">
      <div>
        <p class="font-semibold">${SHOP_NAME}</p>
        <p class="mt-2 text-neutral-600">
          Everyday gear, thoughtfully chosen. A staging storefront for shopper simulation; prices in
          US dollars.
        </p>
      </div>
      <div>
        <p class="font-semibold">Shop</p>
        <ul role="list" class="mt-2 flex flex-col gap-1.5">
          ${shop.catalog.categories.map(
            (c) =>
              html`<li>
                <a href="/collections/${c.slug}" class="text-neutral-600 hover:underline"
                  >${c.name}</a
                >
              </li>`,
          )}
        </ul>
      </div>
      <div>
        <p class="font-semibold">Help</p>
        <p class="mt-2 text-neutral-600">
          Standard shipping is free from $35 (otherwise $5.99); express delivery is $14.99.
        </p>
      </div>
    </div>
  </footer>`;
}
