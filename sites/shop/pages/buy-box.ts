import { COLOR_HEX } from '../catalog/images.js';
import { defaultSelection, resolveSelection } from '../catalog/stock.js';
import type { Product } from '../catalog/types.js';
import { MAX_QUANTITY } from '../state/cart.js';
import type { Variant } from '../state/variant.js';
import { formatMoney, stockText } from './format.js';
import { html, idPart, raw, type Html } from './html.js';

/**
 * div#buy_box > form#product_form (POST /cart/add): p#product_price, one
 * fieldset#option_<group> per option group (legend = group name; radios name=opt_<group>,
 * id opt_<group>_<value>, disabled when out of stock), p#stock_note, input#quantity with
 * button#quantity_decrease / #quantity_increase (script only), button#add_to_cart and
 * button#buy_now. Variant b puts "Buy now" first, larger, in a sticky box; variant faint-cta draws
 * both buttons as faint outlines.
 */
export function buyBox(product: Product, variant: Variant): Html {
  const selection = defaultSelection(product);
  const resolved = selection ? resolveSelection(product, selection) : null;
  const ok = resolved?.ok === true;
  const stock = ok ? resolved.value.stock : 0;
  const price = ok ? resolved.value.unitPrice : product.price;
  const limit = Math.max(1, Math.min(stock, MAX_QUANTITY));
  const disabled = ok ? null : html` disabled`;
  const addToCart = html`<button
    type="submit"
    id="add_to_cart"
    name="intent"
    value="cart"
    class="btn btn-cart${variant === 'faint-cta' ? ' btn-faint' : ''}"
    ${disabled}
  >
    Add to cart
  </button>`;
  const buyNow = html`<button
    type="submit"
    id="buy_now"
    name="intent"
    value="buy"
    class="btn btn-buy${variant === 'b' ? ' btn-large' : variant === 'faint-cta' ? ' btn-faint' : ''}"
    ${disabled}
  >
    Buy now
  </button>`;
  const data = {
    price: product.price,
    stock: product.stock,
    maxQuantity: MAX_QUANTITY,
    groups: product.optionGroups.map((g) => ({
      key: g.key,
      options: g.options.map((o) => ({ slug: o.slug, stock: o.stock, delta: o.priceDelta })),
    })),
  };
  return html`<div id="buy_box" class="${variant === 'b' ? 'buy-box sticky' : 'buy-box'}">
    <form id="product_form" method="post" action="/cart/add">
      <input type="hidden" name="product_id" value="${product.id}" />
      <input type="hidden" name="return" value="/product/${product.id}" />
      <p class="price-block">
        <span id="product_price" class="price">${formatMoney(price)}</span
        >${product.listPrice ? html` <s class="list-price">List: ${formatMoney(product.listPrice)}</s>` : null}
      </p>
      ${product.optionGroups.map(
        (g) =>
          html`<fieldset id="option_${g.key}">
            <legend>${g.name}</legend>
            <div class="choices">
              ${g.options.map((o) => {
                const checked = selection?.[g.key] === o.slug;
                const swatch =
                  g.key === 'color' && COLOR_HEX[o.slug]
                    ? html`<span class="swatch" style="background:${COLOR_HEX[o.slug]}"></span>`
                    : null;
                return html`<label
                  class="choice${checked ? ' is-selected' : ''}${o.stock <= 0 ? ' is-out' : ''}"
                  ><input
                    type="radio"
                    name="opt_${g.key}"
                    value="${o.slug}"
                    id="opt_${g.key}_${idPart(o.slug)}"
                    ${checked ? html` checked` : null}${o.stock <= 0 ? html` disabled` : null}
                  />${swatch}<span>${o.value}</span></label
                >`;
              })}
            </div>
          </fieldset>`,
      )}
      <p id="stock_note" class="${stock > 4 ? 'in-stock' : stock > 0 ? 'low-stock' : 'no-stock'}">
        ${ok ? stockText(stock) : 'Currently unavailable'}
      </p>
      <div class="quantity-picker">
        <label for="quantity">Quantity</label>
        <button
          type="button"
          id="quantity_decrease"
          class="stepper"
          aria-label="Decrease quantity"
          hidden
        >
          −
        </button>
        <input
          id="quantity"
          name="quantity"
          type="number"
          min="1"
          max="${limit}"
          value="1"
          inputmode="numeric"
        />
        <button
          type="button"
          id="quantity_increase"
          class="stepper"
          aria-label="Increase quantity"
          hidden
        >
          +
        </button>
      </div>
      <div class="buy-buttons">${variant === 'b' ? [buyNow, addToCart] : [addToCart, buyNow]}</div>
      <p class="delivery-note">FREE delivery on orders over $35. Free returns within 30 days.</p>
    </form>
    <script type="application/json" id="product_data">
      ${raw(JSON.stringify(data).replace(/</g, '\\u003c'))}
    </script>
  </div>`;
}
