/** The mini-cart drawer: opens after add-to-cart (or from the bag icon) and covers the page. */
import { HEADER_IDS } from '../header-ids.js';
import type { CartJson, CartLineJson } from '../types.js';
import { cartSnapshot, loadCart, onCartChange, removeLine, setLineQuantity } from './cart-store.js';
import { $, $$, html, lockScroll, on, portal, raw, setHtml, useId, type Html } from './dom.js';
import { ICONS } from './icons.js';
import { navigate, onNavigate } from './router.js';

let layer: HTMLElement | null = null;
let status = '';
let error = '';

function line(item: CartLineJson): Html {
  return html`<li class="flex gap-4 py-4" data-line-key="${item.key}">
    <img
      src="${item.image}"
      alt=""
      class="size-20 shrink-0 rounded-lg bg-neutral-100 object-cover"
    />
    <div class="flex flex-1 flex-col gap-1 text-sm">
      <div class="flex justify-between gap-3">
        <a href="/products/${item.handle}" class="font-medium text-neutral-900 hover:underline"
          >${item.title}</a
        >
        <p class="shrink-0 font-medium">${item.lineTotal.formatted}</p>
      </div>
      ${item.choice ? html`<p class="text-neutral-500">${item.choice}</p>` : null}
      <div class="mt-auto flex items-center justify-between">
        <div class="inline-flex items-center rounded-full border border-neutral-300">
          <button
            type="button"
            data-step="-1"
            class="inline-flex size-8 items-center justify-center"
          >
            ${raw(ICONS.minus)}<span class="sr-only">Decrease quantity</span>
          </button>
          <span class="w-6 text-center tabular-nums" aria-live="polite">${item.quantity}</span>
          <button
            type="button"
            data-step="1"
            class="inline-flex size-8 items-center justify-center disabled:opacity-40"
            ${item.quantity >= item.limit ? raw('disabled') : null}
          >
            ${raw(ICONS.plus)}<span class="sr-only">Increase quantity</span>
          </button>
        </div>
        <button
          type="button"
          data-remove
          class="inline-flex size-8 items-center justify-center text-neutral-500 hover:text-neutral-900"
        >
          ${raw(ICONS.trash)}<span class="sr-only">Remove</span>
        </button>
      </div>
    </div>
  </li>`;
}

function panel(cart: CartJson | null): Html {
  const titleId = useId();
  const body = !cart
    ? html`<p class="px-5 py-8 text-sm text-neutral-500">Loading your cart…</p>`
    : cart.lines.length === 0
      ? html`<div class="flex flex-1 flex-col items-center justify-center gap-4 px-5 text-center">
          <p class="text-sm text-neutral-600">Your cart is empty.</p>
          <button
            type="button"
            data-continue
            class="rounded-full border border-neutral-300 px-5 py-2 text-sm font-medium"
          >
            Continue shopping
          </button>
        </div>`
      : html`<ul role="list" class="flex-1 divide-y divide-neutral-200 overflow-y-auto px-5">
            ${cart.lines.map(line)}
          </ul>
          <div class="flex flex-col gap-3 border-t border-neutral-200 px-5 py-5">
            <div class="flex justify-between text-base font-semibold">
              <p>Subtotal</p>
              <p>${cart.subtotal.formatted}</p>
            </div>
            <p class="text-xs text-neutral-500">Shipping and taxes calculated at checkout.</p>
            <button
              type="button"
              data-checkout
              class="inline-flex h-12 w-full items-center justify-center rounded-full bg-neutral-900 text-sm font-semibold text-white hover:bg-neutral-700"
            >
              Checkout
            </button>
            <button
              type="button"
              data-continue
              class="text-sm font-medium text-neutral-600 underline-offset-4 hover:underline"
            >
              Continue shopping
            </button>
          </div>`;
  return html`<div class="relative z-50" data-state="open">
    <div
      class="fixed inset-0 bg-neutral-950/50 backdrop-blur-[2px]"
      aria-hidden="true"
      data-backdrop
    ></div>
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="${titleId}"
      class="fixed inset-y-0 right-0 flex w-full max-w-md flex-col bg-white shadow-2xl"
    >
      <div class="flex items-center justify-between border-b border-neutral-200 px-5 py-4">
        <h2 id="${titleId}" class="text-lg font-semibold">
          Your
          cart${cart ? html` <span class="font-normal text-neutral-500">(${cart.itemCount})</span>` : null}
        </h2>
        <button
          type="button"
          data-close
          class="-m-2 inline-flex size-10 items-center justify-center rounded-full hover:bg-neutral-100"
        >
          ${raw(ICONS.close)}<span class="sr-only">Close cart</span>
        </button>
      </div>
      ${status ? html`<p role="status" class="flex items-center gap-2 bg-emerald-50 px-5 py-3 text-sm text-emerald-800">${raw(ICONS.check)} ${status}</p>` : null}
      ${error ? html`<p role="alert" class="bg-red-50 px-5 py-3 text-sm text-red-700">${error}</p>` : null}
      ${body}
    </div>
  </div>`;
}

function render(): void {
  if (!layer) return;
  setHtml(layer, panel(cartSnapshot()));
  on($(layer, '[data-backdrop]'), 'click', closeCartDrawer);
  on($(layer, '[data-close]'), 'click', closeCartDrawer);
  for (const button of $$(layer, '[data-continue]')) on(button, 'click', closeCartDrawer);
  const checkout = layer.querySelector<HTMLElement>('[data-checkout]');
  if (checkout) {
    on(checkout, 'click', () => {
      closeCartDrawer();
      navigate('/checkout');
    });
  }
  for (const row of $$(layer, '[data-line-key]')) {
    const key = row.dataset.lineKey!;
    const item = cartSnapshot()?.lines.find((l) => l.key === key);
    if (!item) continue;
    const apply = (change: Promise<string | null>) =>
      void change.then((problem) => {
        error = problem ?? '';
        render();
      });
    for (const step of $$(row, '[data-step]')) {
      on(step, 'click', () =>
        apply(setLineQuantity(key, item.quantity + Number(step.dataset.step))),
      );
    }
    on($(row, '[data-remove]'), 'click', () => apply(removeLine(key)));
  }
}

export function openCartDrawer(message = ''): void {
  status = message;
  error = '';
  if (!layer) {
    layer = portal(html``, 'headlessui-portal-root');
    lockScroll(true);
  }
  render();
  layer.querySelector<HTMLElement>('[data-close]')?.focus();
  if (!cartSnapshot()) void loadCart();
}

export function closeCartDrawer(): void {
  if (!layer) return;
  layer.remove();
  layer = null;
  lockScroll(false);
}

/** The header's bag button opens the drawer; Escape and page changes close it. */
export function installDrawer(): void {
  const bag = document.getElementById(HEADER_IDS.cartButton);
  if (bag) on(bag, 'click', () => openCartDrawer());
  on(document, 'keydown', (event) => {
    if (event.key === 'Escape') closeCartDrawer();
  });
  onCartChange(() => {
    if (layer) render();
  });
  onNavigate(closeCartDrawer);
}
