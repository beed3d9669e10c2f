import { FREE_SHIPPING_FROM, type CartTotals, type PricedLine } from '../state/cart.js';
import type { PageContext } from './context.js';
import { formatMoney, stockText } from './format.js';
import { html, idPart, type Html } from './html.js';
import { layout } from './layout.js';

/** The DOM id part of a cart line: "p0042|color=navy;size=10" -> "p0042_navy_10". */
export function lineIdPart(line: PricedLine): string {
  const slugs = Object.keys(line.selection)
    .sort()
    .map((k) => line.selection[k]!);
  return idPart([line.productId, ...slugs].join('_'));
}

/**
 * /cart: section#cart > ul#cart_items > li.cart-line#cart_line_<id>[data-product-id] with a
 * form.quantity-form (input#qty_<id>, button.update-quantity, button.decrease-quantity,
 * button.increase-quantity) and form.remove-form (button.remove-line); aside#cart_summary with
 * the totals and button#proceed_to_checkout.
 */
export function cartPage(ctx: PageContext, totals: CartTotals): Html {
  const body = html`<h1>Shopping cart</h1>
    <div class="cart-layout">
      <section id="cart">
        ${
          totals.lines.length
            ? html`<ul id="cart_items">
                ${totals.lines.map(cartLine)}
              </ul>`
            : html`<p id="cart_empty">
                Your cart is empty. <a id="continue_shopping" href="/">Continue shopping</a>
              </p>`
        }
      </section>
      ${totals.lines.length ? summary(totals, ctx.variant === 'late-shipping') : null}
    </div>`;
  return layout(ctx, { title: 'Shopping cart', page: 'cart', body });
}

function cartLine(line: PricedLine): Html {
  const id = lineIdPart(line);
  return html`<li
    class="cart-line"
    id="cart_line_${id}"
    data-product-id="${line.productId}"
    data-line-key="${line.key}"
  >
    <img
      class="line-image"
      src="/images/${line.productId}.svg${line.selection.color ? `?color=${line.selection.color}` : ''}"
      alt=""
      width="96"
      height="96"
    />
    <div class="line-info">
      <h2 class="line-title">
        <a class="title-link" href="/product/${line.productId}">${line.product.title}</a>
      </h2>
      ${line.choice ? html`<p class="line-options">${line.choice}</p>` : null}
      <p class="unit-price">${formatMoney(line.unitPrice)} each</p>
      <p class="line-stock">${stockText(line.limit)}</p>
      <form class="quantity-form" method="post" action="/cart/update">
        <input type="hidden" name="line" value="${line.key}" />
        <label for="qty_${id}">Quantity</label>
        <input
          id="qty_${id}"
          class="line-quantity"
          name="quantity"
          type="number"
          min="0"
          max="${line.limit}"
          value="${line.quantity}"
          inputmode="numeric"
        />
        <button type="submit" name="op" value="set" class="update-quantity">Update</button>
        <button
          type="submit"
          name="op"
          value="dec"
          class="stepper decrease-quantity"
          aria-label="Decrease quantity"
        >
          −
        </button>
        <button
          type="submit"
          name="op"
          value="inc"
          class="stepper increase-quantity"
          aria-label="Increase quantity"
          ${line.quantity >= line.limit ? html` disabled` : null}
        >
          +
        </button>
      </form>
      <form class="remove-form" method="post" action="/cart/remove">
        <input type="hidden" name="line" value="${line.key}" />
        <button type="submit" class="remove-line">Remove</button>
      </form>
    </div>
    <p class="line-total">${formatMoney(line.lineTotal)}</p>
  </li>`;
}

/**
 * Order totals; shared by the cart and the checkout page. `shippingLater` (variant late-shipping,
 * cart only) leaves the shipping cost out: "Calculated at checkout", and an estimated total without it.
 */
export function totalsList(totals: CartTotals, shippingLater = false): Html {
  const shipping = totals.shipping ? formatMoney(totals.shipping) : 'FREE';
  return html`<dl class="totals">
    <dt>Items (${totals.itemCount})</dt>
    <dd id="summary_subtotal">${formatMoney(totals.subtotal)}</dd>
    <dt>Shipping</dt>
    <dd id="summary_shipping">${shippingLater ? 'Calculated at checkout' : shipping}</dd>
    <dt>Estimated tax</dt>
    <dd id="summary_tax">${formatMoney(totals.tax)}</dd>
    <dt class="grand">${shippingLater ? 'Estimated total' : 'Order total'}</dt>
    <dd id="summary_total" class="grand">
      ${formatMoney(shippingLater ? totals.total - totals.shipping : totals.total)}
    </dd>
  </dl>`;
}

function summary(totals: CartTotals, shippingLater: boolean): Html {
  const missing = FREE_SHIPPING_FROM - totals.subtotal;
  return html`<aside id="cart_summary" aria-label="Order summary">
    <h2>Order summary</h2>
    ${totalsList(totals, shippingLater)}
    ${missing > 0 && !shippingLater ? html`<p class="free-shipping-hint">Add ${formatMoney(missing)} more for FREE delivery.</p>` : null}
    <form id="proceed_form" method="post" action="/checkout/start">
      <button type="submit" id="proceed_to_checkout" class="btn btn-buy">
        Proceed to checkout
      </button>
    </form>
    <p><a id="continue_shopping" href="/">Continue shopping</a></p>
  </aside>`;
}
