import type { PageContext } from './context.js';
import { html, type Html } from './html.js';

export const SHOP_NAME = 'Cartwheel';

export interface LayoutOptions {
  title: string;
  /** Page kind, written to body[data-page]: home, search, category, product, cart, checkout, ... */
  page: string;
  body: Html;
}

/**
 * The frame of every page. Landmarks and ids here are stable across variants and visitors:
 * header#site_header, form#search_form, input#search_input, a#cart_link, nav#nav_bar,
 * div#flash, main#main, footer#site_footer (variant no-product-search: no form#search_form on
 * product pages).
 */
export function layout(ctx: PageContext, options: LayoutOptions): Html {
  const search = !(ctx.variant === 'no-product-search' && options.page === 'product');
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="shopsim-site" content="shop" />
        <title>${options.title} | ${SHOP_NAME}</title>
        <link rel="stylesheet" href="/static/shop.css" />
        <script src="/static/shop.js" defer></script>
      </head>
      <body data-page="${options.page}" data-variant="${ctx.variant}">
        <header id="site_header">
          <a id="logo" href="/">${SHOP_NAME}</a>
          ${search ? searchForm(ctx) : null}
          <a id="cart_link" href="/cart" aria-label="Cart"
            >Cart <span id="cart_count" class="badge">${ctx.cartCount}</span></a
          >
        </header>
        <nav id="nav_bar" aria-label="Categories">
          <ul>
            ${ctx.catalog.categories.map((c) => html`<li><a href="/category/${c.slug}">${c.name}</a></li>`)}
          </ul>
        </nav>
        ${flashMessage(ctx)}
        <main id="main">${options.body}</main>
        <footer id="site_footer">
          <p>
            ${SHOP_NAME} is a demo shop for shopper simulation. Prices in US dollars. Free delivery
            on orders over $35.
          </p>
        </footer>
      </body>
    </html>`;
}

function flashMessage(ctx: PageContext): Html | null {
  const flash = ctx.flash;
  if (!flash) return null;
  const role = flash.kind === 'error' ? 'alert' : 'status';
  return html`<div id="flash" class="flash flash-${flash.kind}" role="${role}">
    <p>
      ${flash.text}${flash.link ? html` <a id="${flash.link.id}" href="${flash.link.href}">${flash.link.label}</a>` : null}
    </p>
  </div>`;
}

function searchForm(ctx: PageContext): Html {
  return html`<form id="search_form" role="search" action="/search" method="get">
    <label for="search_input" class="visually-hidden">Search products</label>
    <input
      id="search_input"
      name="q"
      type="search"
      placeholder="Search ${SHOP_NAME}"
      value="${ctx.query}"
      autocomplete="off"
    />
    <button id="search_button" type="submit">Search</button>
  </form>`;
}
