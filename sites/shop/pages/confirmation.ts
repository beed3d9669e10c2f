import type { ShopOrder } from '../state/orders.js';
import type { PageContext } from './context.js';
import { formatMoney } from './format.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';

/** The order log holds dollars; formatMoney takes cents. */
const usd = (dollars: number) => formatMoney(Math.round(dollars * 100));

/** /order/<id>: section#order_confirmation > h1, strong#order_id, ul#order_items, dd#order_total. */
export function confirmationPage(ctx: PageContext, order: ShopOrder): Html {
  const body = html`<section id="order_confirmation">
    <h1 id="confirmation_heading">Thank you, your order has been placed</h1>
    <p>Order number: <strong id="order_id">${order.orderId}</strong></p>
    <ul id="order_items">
      ${order.items.map((item) => {
        const options = Object.entries(item.options)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ');
        return html`<li data-product-id="${item.productId}">
          <a class="title-link" href="/product/${item.productId}">${item.title}</a
          >${options ? html` <span class="line-options">(${options})</span>` : null} ×
          ${item.quantity} at ${usd(item.unitPrice)}
        </li>`;
      })}
    </ul>
    <dl class="totals">
      <dt>Items</dt>
      <dd>${usd(order.subtotal)}</dd>
      <dt>Shipping</dt>
      <dd>${order.shipping ? usd(order.shipping) : 'FREE'}</dd>
      <dt>Tax</dt>
      <dd>${usd(order.tax)}</dd>
      <dt class="grand">Order total</dt>
      <dd id="order_total" class="grand">${usd(order.total)}</dd>
    </dl>
    <p><a id="continue_shopping" href="/">Continue shopping</a></p>
  </section>`;
  return layout(ctx, { title: 'Order placed', page: 'confirmation', body });
}

export function notFoundPage(ctx: PageContext, message: string): Html {
  const body = html`<section id="not_found">
    <h1 id="not_found_heading">Page not found</h1>
    <p>${message}</p>
    <p><a id="back_home" href="/">Go to the home page</a></p>
  </section>`;
  return layout(ctx, { title: 'Not found', page: 'not-found', body });
}
