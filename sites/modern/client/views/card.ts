/** Product cards of listings: the add-to-cart button only appears while the card is hovered. */
import type { CardJson } from '../../types.js';
import { addToCart } from '../cart-store.js';
import { $$, html, on, raw, type Html } from '../dom.js';
import { openCartDrawer } from '../drawer.js';
import { ICONS } from '../icons.js';
import { toast } from '../toast.js';

export function stars(rating: number, count: number | null): Html {
  const full = Math.round(rating);
  return html`<div class="flex items-center gap-1">
    <div class="flex text-amber-500">
      ${Array.from(
        { length: 5 },
        (_, i) =>
          html`<span class="${i < full ? '' : 'text-neutral-300'}">${raw(ICONS.star)}</span>`,
      )}
    </div>
    <span class="sr-only">${rating.toFixed(1)} out of 5 stars</span>
    ${
      count === null
        ? null
        : html`<span class="text-xs text-neutral-500" aria-hidden="true"
            >(${count.toLocaleString('en-US')})</span
          >`
    }
  </div>`;
}

export function priceTag(item: Pick<CardJson, 'price' | 'compareAt'>, large = false): Html {
  const size = large ? 'text-2xl' : 'text-sm';
  if (!item.compareAt) {
    return html`<p class="${size} font-semibold text-neutral-900">${item.price.formatted}</p>`;
  }
  return html`<p class="flex items-baseline gap-2 ${size}">
    <span class="sr-only">Sale price</span
    ><span class="font-semibold text-red-700">${item.price.formatted}</span>
    <span class="sr-only">Regular price</span
    ><s class="text-neutral-500 ${large ? 'text-base' : 'text-xs'}">${item.compareAt.formatted}</s>
  </p>`;
}

export function card(item: CardJson): Html {
  return html`<div
    class="group relative flex flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white _card_9fk2p_1"
    data-handle="${item.handle}"
  >
    <div class="relative aspect-square overflow-hidden bg-neutral-100">
      <img
        src="${item.image}"
        alt=""
        loading="lazy"
        class="h-full w-full object-cover transition duration-300 group-hover:scale-105"
      />
      ${
        item.compareAt
          ? html`<span
              class="absolute left-3 top-3 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
              >Sale</span
            >`
          : null
      }
      <div
        class="invisible absolute inset-x-3 bottom-3 z-10 translate-y-2 opacity-0 transition duration-200 group-hover:visible group-hover:translate-y-0 group-hover:opacity-100"
      >
        ${
          item.available
            ? html`<button
                type="button"
                class="inline-flex h-10 w-full items-center justify-center gap-2 rounded-full bg-neutral-900 px-4 text-sm font-medium text-white shadow hover:bg-neutral-700"
              >
                ${raw(ICONS.plus)} Add to cart
              </button>`
            : html`<button
                type="button"
                disabled
                class="inline-flex h-10 w-full items-center justify-center rounded-full bg-neutral-200 px-4 text-sm font-medium text-neutral-500"
              >
                Sold out
              </button>`
        }
      </div>
    </div>
    <div class="flex flex-1 flex-col gap-1 p-3">
      <p class="text-xs text-neutral-500">${item.brand}</p>
      <h3 class="line-clamp-2 text-sm font-medium text-neutral-900">
        <a href="/products/${item.handle}" class="after:absolute after:inset-0">${item.title}</a>
      </h3>
      ${stars(item.rating, item.ratingCount)} ${priceTag(item)}
      ${item.optionsNote ? html`<p class="text-xs text-neutral-500">${item.optionsNote}</p>` : null}
    </div>
  </div>`;
}

/** Wires the quick-add buttons of the cards rendered in `root`. */
export function bindCards(root: HTMLElement, items: CardJson[]): void {
  for (const element of $$(root, '[data-handle]')) {
    if (element.dataset.bound) continue;
    element.dataset.bound = '1';
    const item = items.find((i) => i.handle === element.dataset.handle);
    const button = element.querySelector<HTMLButtonElement>('button:not([disabled])');
    if (!item?.quickAdd || !button) continue;
    const options = item.quickAdd;
    on(button, 'click', () => {
      button.disabled = true;
      void addToCart(item.handle, options, 1).then((error) => {
        button.disabled = false;
        if (error) toast(error, 'error');
        else openCartDrawer(`Added ${item.title} to your cart.`);
      });
    });
  }
}
