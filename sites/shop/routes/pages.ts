import type { RequestContext } from '../app.js';
import { reviewsFor } from '../catalog/reviews.js';
import { htmlReply, redirect, type Reply } from '../http.js';
import { cartPage } from '../pages/cart.js';
import { checkoutPage } from '../pages/checkout.js';
import { confirmationPage } from '../pages/confirmation.js';
import { homePage } from '../pages/home.js';
import { productPage } from '../pages/product.js';
import { resultsPage } from '../pages/results.js';
import { reviewList } from '../pages/reviews.js';
import { parseSearchParams } from '../search/query.js';
import { priceCart } from '../state/cart.js';

/** The HTML pages (GET). */
export function routePage(ctx: RequestContext): Reply | null {
  const { pathname, searchParams } = ctx.url;
  const app = ctx.app;
  if (pathname === '/') return htmlReply(homePage(app.pageContext(ctx)).value);

  if (pathname === '/search') {
    const query = parseSearchParams(searchParams);
    const category = app.catalog.categories.find((c) => c.slug === query.category) ?? null;
    if (!category) query.category = null;
    const page = resultsPage(
      app.pageContext(ctx, query.q),
      query,
      app.search.search(query),
      category,
    );
    return htmlReply(page.value);
  }

  const categoryMatch = /^\/category\/([a-z-]+)$/.exec(pathname);
  if (categoryMatch) {
    const category = app.catalog.categories.find((c) => c.slug === categoryMatch[1]);
    if (!category) return app.notFound(ctx, `There is no category "${categoryMatch[1]}".`);
    const query = { ...parseSearchParams(searchParams), q: '', category: category.slug };
    return htmlReply(
      resultsPage(app.pageContext(ctx), query, app.search.search(query), category).value,
    );
  }

  const productMatch = /^\/product\/(p\d{4})(\/reviews)?$/.exec(pathname);
  if (productMatch) {
    const product = app.catalog.byId.get(productMatch[1]!);
    if (!product) return app.notFound(ctx, `There is no product ${productMatch[1]}.`);
    const reviews = reviewsFor(app.catalog.seed, product);
    const page = Number(searchParams.get(productMatch[2] ? 'page' : 'reviews_page')) || 1;
    const open = searchParams.get('reviews') === 'open';
    if (productMatch[2]) {
      // The review list alone, for the page script's in-place paging (variant b).
      return htmlReply(reviewList(product, ctx.variant, { reviews, page, open: true }).value);
    }
    return htmlReply(productPage(app.pageContext(ctx), product, { reviews, page, open }).value);
  }

  if (pathname === '/cart') {
    return htmlReply(
      cartPage(app.pageContext(ctx), priceCart(ctx.visitor.cart, app.catalog)).value,
    );
  }

  if (pathname === '/checkout') {
    const totals = priceCart(ctx.visitor.cart, app.catalog);
    if (!totals.lines.length) {
      ctx.visitor.flash = {
        kind: 'error',
        text: 'Your cart is empty; add something before checking out.',
        link: null,
      };
      return redirect('/cart');
    }
    const draft = ctx.visitor.checkoutDraft ?? {};
    return htmlReply(checkoutPage(app.pageContext(ctx), totals, draft).value);
  }

  const orderMatch = /^\/order\/([A-Z0-9-]+)$/.exec(pathname);
  if (orderMatch) {
    const order = app.orders.get(orderMatch[1]!);
    if (!order || order.visitorId !== ctx.visitor.id) {
      return app.notFound(ctx, `No order ${orderMatch[1]} was placed from this browser.`);
    }
    return htmlReply(confirmationPage(app.pageContext(ctx), order).value);
  }
  return null;
}
