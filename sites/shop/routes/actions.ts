import type { RequestContext } from '../app.js';
import type { Selection } from '../catalog/stock.js';
import { readForm, redirect, safeReturnPath, type Reply } from '../http.js';
import { addToCart, priceCart, removeLine, setQuantity } from '../state/cart.js';
import { validateBilling } from '../state/billing.js';
import { validateCheckout } from '../state/checkout.js';
import { centsToDollars, newOrderId, type ShopOrder } from '../state/orders.js';
import type { Flash } from '../state/visitors.js';

const VIEW_CART = { href: '/cart', label: 'View cart', id: 'flash_view_cart' };

/** The form posts. Each answers with a 303 redirect and leaves a flash message for the next page. */
export async function routeAction(ctx: RequestContext): Promise<Reply | null> {
  switch (ctx.url.pathname) {
    case '/cart/add':
      return add(ctx, await readForm(ctx.req));
    case '/cart/update':
      return update(ctx, await readForm(ctx.req));
    case '/cart/remove':
      return remove(ctx, await readForm(ctx.req));
    case '/checkout/start':
      // "Proceed to checkout" posts here so the checkout page gets a clean /checkout URL.
      return redirect('/checkout');
    case '/checkout':
      return placeOrder(ctx, await readForm(ctx.req));
    default:
      return null;
  }
}

function flash(ctx: RequestContext, kind: Flash['kind'], text: string, link: Flash['link'] = null) {
  ctx.visitor.flash = { kind, text, link };
}

function add(ctx: RequestContext, form: URLSearchParams): Reply {
  const back = safeReturnPath(form.get('return'), '/');
  const product = ctx.app.catalog.byId.get(form.get('product_id') ?? '');
  if (!product) {
    flash(ctx, 'error', `Unknown product "${form.get('product_id') ?? ''}"; it cannot be added.`);
    return redirect(back);
  }
  const selection: Selection = {};
  for (const group of product.optionGroups) {
    const value = form.get(`opt_${group.key}`);
    if (value) selection[group.key] = value;
  }
  const quantityText = (form.get('quantity') ?? '1').trim() || '1';
  const quantity = /^\d+$/.test(quantityText) ? Number(quantityText) : NaN;
  const result = addToCart(ctx.visitor.cart, product, selection, quantity);
  if (!result.ok) {
    flash(ctx, 'error', `Not added to cart: ${result.message}`);
    return redirect(back);
  }
  if (form.get('intent') === 'buy') return redirect('/checkout');
  const units = quantity === 1 ? '' : `${quantity} × `;
  flash(ctx, 'success', `Added ${units}${product.title} to your cart.`, VIEW_CART);
  return redirect(back);
}

function update(ctx: RequestContext, form: URLSearchParams): Reply {
  const key = form.get('line') ?? '';
  const line = ctx.visitor.cart.find((l) => l.key === key);
  if (!line) {
    flash(ctx, 'error', 'That item is no longer in your cart.');
    return redirect('/cart');
  }
  const op = form.get('op') ?? 'set';
  const typed = (form.get('quantity') ?? '').trim();
  let quantity: number;
  if (op === 'inc') quantity = line.quantity + 1;
  else if (op === 'dec') quantity = line.quantity - 1;
  else quantity = /^\d+$/.test(typed) ? Number(typed) : NaN;
  const result = setQuantity(ctx.visitor.cart, ctx.app.catalog, key, quantity);
  if (!result.ok) flash(ctx, 'error', `Quantity not changed: ${result.message}`);
  else if (quantity === 0) flash(ctx, 'success', 'Removed the item from your cart.');
  return redirect('/cart');
}

function remove(ctx: RequestContext, form: URLSearchParams): Reply {
  if (removeLine(ctx.visitor.cart, form.get('line') ?? '')) {
    flash(ctx, 'success', 'Removed the item from your cart.');
  }
  return redirect('/cart');
}

async function placeOrder(ctx: RequestContext, form: URLSearchParams): Promise<Reply> {
  const { visitor, app } = ctx;
  const totals = priceCart(visitor.cart, app.catalog);
  if (!totals.lines.length) {
    flash(ctx, 'error', 'Your cart is empty; add something before placing an order.');
    return redirect('/cart');
  }
  const checked = validateCheckout(form);
  const billing = ctx.variant === 'long-checkout' ? validateBilling(form) : null;
  const values = { ...checked.values, ...billing?.values };
  const errors = [...checked.errors, ...(billing?.errors ?? [])];
  if (errors.length) {
    visitor.checkoutDraft = values;
    flash(ctx, 'error', `Please correct the checkout form: ${errors.join(' ')}`);
    return redirect('/checkout');
  }
  const order: ShopOrder = {
    orderId: newOrderId(),
    visitorId: visitor.id,
    variant: ctx.variant,
    items: totals.lines.map((l) => ({
      productId: l.productId,
      title: l.product.title,
      options: l.options,
      quantity: l.quantity,
      unitPrice: centsToDollars(l.unitPrice),
    })),
    subtotal: centsToDollars(totals.subtotal),
    shipping: centsToDollars(totals.shipping),
    tax: centsToDollars(totals.tax),
    total: centsToDollars(totals.total),
    currency: 'USD',
    time: new Date().toISOString(),
  };
  await app.orderLog.append(order);
  app.orders.set(order.orderId, order);
  visitor.orders.push(order.orderId);
  visitor.cart.length = 0;
  visitor.checkoutDraft = null;
  return redirect(`/order/${order.orderId}`);
}
