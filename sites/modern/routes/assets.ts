import { productSvg } from '../../shop/catalog/images.js';
import type { Reply } from '../../shop/http.js';
import type { ModernContext } from '../app.js';

/** The hashed script and stylesheet, product pictures, and the favicon. */
export function routeAsset(ctx: ModernContext): Reply | null {
  const { pathname, searchParams } = ctx.url;
  const asset = ctx.app.assets.get(pathname);
  if (asset) {
    return {
      status: 200,
      headers: {
        'content-type': asset.type,
        'cache-control': 'public, max-age=31536000, immutable',
      },
      body: asset.body,
    };
  }
  const image = /^\/cdn\/shop\/files\/([a-z0-9-]+)\.svg$/.exec(pathname);
  if (image) {
    const product = ctx.app.shop.byHandle.get(image[1]!);
    if (!product) return null;
    // Only a colour the product is sold in tints the picture; anything else is ignored.
    const wanted = searchParams.get('color');
    const colors = product.optionGroups.find((g) => g.key === 'color')?.options ?? [];
    const color = colors.some((o) => o.slug === wanted) ? wanted : null;
    return {
      status: 200,
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' },
      body: productSvg(product, color),
    };
  }
  if (pathname === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  return null;
}
