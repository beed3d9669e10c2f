import type { Selection } from '../../shop/catalog/stock.js';
import { jsonReply, type Reply } from '../../shop/http.js';
import { addToCart, removeLine, setQuantity } from '../../shop/state/cart.js';
import type { ModernContext } from '../app.js';
import { field, readJsonObject } from '../json-body.js';
import { cartJson } from '../serialize.js';

/**
 * Cart changes (POST, JSON in and out). Every answer carries the whole cart; a refused change
 * answers 422 with `error` saying what to do.
 *   /api/cart         { handle, options: { color: "navy" }, quantity }  adds
 *   /api/cart/update  { key, quantity }                                 sets (0 removes)
 *   /api/cart/remove  { key }                                           removes
 */
export async function routeCartPost(ctx: ModernContext): Promise<Reply | null> {
  const { pathname } = ctx.url;
  if (
    pathname !== '/api/cart' &&
    pathname !== '/api/cart/update' &&
    pathname !== '/api/cart/remove'
  ) {
    return null;
  }
  const body = await readJsonObject(ctx.req);
  const { shop } = ctx.app;
  const cart = ctx.visitor.cart;
  const answer = (error: string | null) =>
    jsonReply(
      error ? { error, cart: cartJson(shop, cart) } : { cart: cartJson(shop, cart) },
      error ? 422 : 200,
    );

  if (pathname === '/api/cart') {
    const handle = field(body, 'handle');
    const product = typeof handle === 'string' ? shop.byHandle.get(handle) : undefined;
    if (!product)
      return jsonReply(
        { error: `Unknown product ${JSON.stringify(handle ?? null)}; it cannot be added.` },
        404,
      );
    const selection: Selection = {};
    const options = field(body, 'options');
    if (typeof options === 'object' && options !== null) {
      for (const group of product.optionGroups) {
        const value = field(options as Record<string, unknown>, group.key);
        if (typeof value === 'string' && value) selection[group.key] = value;
      }
    }
    const quantity = field(body, 'quantity') ?? 1;
    const result = addToCart(
      cart,
      product,
      selection,
      typeof quantity === 'number' ? quantity : NaN,
    );
    return answer(result.ok ? null : result.message);
  }
  const key = field(body, 'key');
  if (typeof key !== 'string' || !cart.some((line) => line.key === key)) {
    return answer('That item is no longer in your cart.');
  }
  if (pathname === '/api/cart/remove') {
    removeLine(cart, key);
    return answer(null);
  }
  const quantity = field(body, 'quantity');
  const result = setQuantity(
    cart,
    shop.catalog,
    key,
    typeof quantity === 'number' ? quantity : NaN,
  );
  return answer(result.ok ? null : result.message);
}
