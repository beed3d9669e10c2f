import type { Reply } from '../../shop/http.js';
import type { ModernContext } from '../app.js';
import { confirmationMain } from '../pages/confirmation.js';
import { checkoutSkeleton, listingSkeleton, productSkeleton } from '../pages/skeletons.js';
import { matchRoute } from '../route-match.js';

/**
 * The HTML pages (GET). Most are a shell with skeletons that the browser code fills from the API;
 * the order confirmation is rendered here in full.
 */
export function routePage(ctx: ModernContext): Reply | null {
  const { app } = ctx;
  const route = matchRoute(ctx.url.pathname);
  if (!route) return null;
  switch (route.kind) {
    case 'home':
      return app.page('Everyday gear, thoughtfully chosen', 'home', listingSkeleton());
    case 'search':
      return app.page('Search', 'search', listingSkeleton());
    case 'collection': {
      const category = app.shop.categoryBySlug.get(route.slug);
      if (!category) return app.notFound(false, `There is no collection "${route.slug}".`);
      return app.page(category.name, 'collection', listingSkeleton());
    }
    case 'product': {
      const product = app.shop.byHandle.get(route.handle);
      if (!product) return app.notFound(false, `There is no product "${route.handle}".`);
      return app.page(product.title, 'product', productSkeleton());
    }
    case 'checkout':
      return app.page('Checkout', 'checkout', checkoutSkeleton());
    case 'order': {
      const placed = app.orders.get(route.orderId);
      if (!placed || placed.order.visitorId !== ctx.visitor.id) {
        return app.notFound(false, `No order ${route.orderId} was placed from this browser.`);
      }
      return app.page('Order confirmed', 'order', confirmationMain(placed.order, placed.contact));
    }
  }
}
