import { defaultSelection, resolveSelection } from '../catalog/stock.js';
import type { Product } from '../catalog/types.js';
import { formatCount, formatMoney, stars, stockText } from './format.js';
import { html, type Html } from './html.js';

/**
 * A product in a list (search results, category, featured):
 * li.product-card[data-product-id] > article > h2 > a.title-link[href=/product/<id>], and a
 * form.add-to-cart-form posting the product id (and its default options) with button.add-to-cart.
 */
export function productCard(product: Product, returnPath: string): Html {
  const selection = defaultSelection(product);
  const resolved = selection ? resolveSelection(product, selection) : null;
  const stock = resolved?.ok ? resolved.value.stock : 0;
  const optionSummary = product.optionGroups
    .filter((g) => g.options.length > 1)
    .map((g) => `${g.options.length} ${plural(g.name.toLowerCase())}`)
    .join(', ');
  return html`<li class="product-card" data-product-id="${product.id}">
    <article>
      <img
        class="card-image"
        src="/images/${product.id}.svg"
        alt=""
        width="180"
        height="180"
        loading="lazy"
      />
      <h2 class="card-title">
        <a class="title-link" href="/product/${product.id}">${product.title}</a>
      </h2>
      <p class="card-brand">by ${product.brand}</p>
      <p class="card-rating">
        ${stars(product.rating)}
        <span class="rating-count">${formatCount(product.ratingCount)}</span>
      </p>
      <p class="card-price">
        <span class="price">${formatMoney(product.price)}</span
        >${product.listPrice ? html` <s class="list-price">${formatMoney(product.listPrice)}</s>` : null}
      </p>
      ${optionSummary ? html`<p class="card-options">${optionSummary}</p>` : null}
      <p class="card-stock${stock <= 4 ? ' low' : ''}">
        ${stock > 0 ? stockText(stock) : 'Currently unavailable'}
      </p>
      <form class="add-to-cart-form" method="post" action="/cart/add">
        <input type="hidden" name="product_id" value="${product.id}" />
        ${Object.entries(selection ?? {}).map(([key, slug]) => html`<input type="hidden" name="opt_${key}" value="${slug}" />`)}
        <input type="hidden" name="quantity" value="1" />
        <input type="hidden" name="return" value="${returnPath}" />
        <button type="submit" class="add-to-cart" ${stock > 0 ? '' : ' disabled'}>
          Add to cart
        </button>
      </form>
    </article>
  </li>`;
}

function plural(word: string): string {
  if (word.endsWith('s')) return word;
  if (word.endsWith('y')) return word.slice(0, -1) + 'ies';
  return word + 's';
}
