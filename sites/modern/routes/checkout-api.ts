import { jsonReply, type Reply } from '../../shop/http.js';
import { centsToDollars, newOrderId } from '../../shop/state/orders.js';
import { priceCart } from '../../shop/state/cart.js';
import type { ModernContext } from '../app.js';
import {
  checkFields,
  declineReason,
  readCheckoutValues,
  type ShippingMethod,
} from '../checkout-rules.js';
import { field, readJsonObject } from '../json-body.js';
import { EXPRESS_SHIPPING } from '../serialize.js';
import type { ModernOrder } from '../state/orders.js';

/**
 * POST /api/checkout with the form's fields as JSON. 422 { message, errors: { field: text } } when
 * a field is missing or wrong or the card is declined; 409 when the cart is empty; otherwise the
 * order is logged, the cart emptied and the answer is { orderId, url } of the confirmation page.
 */
export async function routeCheckoutPost(ctx: ModernContext): Promise<Reply | null> {
  if (ctx.url.pathname !== '/api/checkout') return null;
  const body = await readJsonObject(ctx.req);
  const { app, visitor } = ctx;
  const totals = priceCart(visitor.cart, app.shop.catalog);
  if (!totals.lines.length) {
    return jsonReply(
      { message: 'Your cart is empty; add something before placing an order.', errors: {} },
      409,
    );
  }
  const values = readCheckoutValues((name) => field(body, name));
  const errors = checkFields(values, new Date());
  if (Object.keys(errors).length) {
    return jsonReply({ message: 'Please check the highlighted fields.', errors }, 422);
  }
  const declined = declineReason(values);
  if (declined) return jsonReply({ message: declined, errors: { cardNumber: declined } }, 422);

  const method = values.shippingMethod as ShippingMethod;
  const shipping = method === 'express' ? EXPRESS_SHIPPING : totals.shipping;
  const order: ModernOrder = {
    orderId: newOrderId(),
    visitorId: visitor.id,
    site: 'modern',
    items: totals.lines.map((l) => ({
      productId: l.productId,
      handle: app.shop.handleOf.get(l.productId)!,
      title: l.product.title,
      options: l.options,
      quantity: l.quantity,
      unitPrice: centsToDollars(l.unitPrice),
    })),
    shippingMethod: method,
    country: values.country,
    subtotal: centsToDollars(totals.subtotal),
    shipping: centsToDollars(shipping),
    tax: centsToDollars(totals.tax),
    total: centsToDollars(totals.subtotal + shipping + totals.tax),
    currency: 'USD',
    time: new Date().toISOString(),
  };
  await app.orderLog.append(order);
  app.orders.set(order.orderId, {
    order,
    contact: { fullName: values.fullName, email: values.email },
  });
  visitor.orders.push(order.orderId);
  visitor.cart.length = 0;
  return jsonReply({ orderId: order.orderId, url: `/order/${order.orderId}` });
}
