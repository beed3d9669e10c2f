import type { RequestContext } from '../app.js';
import { productSvg } from '../catalog/images.js';
import { jsonReply, type Reply } from '../http.js';

/** Static files, product images and the JSON API. */
export async function routeAsset(ctx: RequestContext): Promise<Reply | null> {
  const { pathname } = ctx.url;
  const app = ctx.app;
  const asset = /^\/static\/([a-z.]+)$/.exec(pathname);
  if (asset) {
    // own keys only: /static/constructor must not find Object.prototype.constructor
    const file = Object.hasOwn(app.assets, asset[1]!) ? app.assets[asset[1]!] : undefined;
    return file
      ? {
          status: 200,
          headers: { 'content-type': file.type, 'cache-control': 'max-age=300' },
          body: file.body,
        }
      : null;
  }
  const image = /^\/images\/(p\d{4})\.svg$/.exec(pathname);
  if (image) {
    const product = app.catalog.byId.get(image[1]!);
    if (!product) return null;
    return {
      status: 200,
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' },
      body: productSvg(product, ctx.url.searchParams.get('color')),
    };
  }
  if (pathname === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  if (pathname === '/api/orders') {
    const visitor = ctx.url.searchParams.get('visitor');
    const orders = await app.orderLog.readAll();
    return jsonReply(visitor ? orders.filter((o) => o.visitorId === visitor) : orders);
  }
  if (pathname === '/api/visitor') {
    // Lets a test or a simulator learn the visitor id its browser context shops under.
    return jsonReply({ visitorId: ctx.visitor.id, variant: ctx.variant });
  }
  return null;
}
