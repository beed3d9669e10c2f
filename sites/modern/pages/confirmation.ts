import { html, type Html } from '../../shop/pages/html.js';
import { formatMoney } from '../../shop/state/cart.js';
import { COUNTRIES } from '../checkout-rules.js';
import type { ModernOrder } from '../state/orders.js';

/** What the confirmation page shows besides the logged order (kept in memory, never logged). */
export interface OrderContact {
  fullName: string;
  email: string;
}

const dollars = (amount: number) => formatMoney(Math.round(amount * 100));

/** The page after "Place order", rendered by the server (no client fetch needed to confirm). */
export function confirmationMain(order: ModernOrder, contact: OrderContact): Html {
  const firstName = contact.fullName.split(/\s+/)[0] ?? contact.fullName;
  const country = COUNTRIES.find((c) => c.code === order.country)?.name ?? order.country;
  return html`<div class="mx-auto flex max-w-2xl flex-col gap-6 py-8">
    <p class="text-sm font-medium text-emerald-700">Payment successful</p>
    <h1 class="text-3xl font-semibold tracking-tight">Order confirmed</h1>
    <p class="text-neutral-600">
      Thank you for your order, ${firstName}. We've sent a confirmation to ${contact.email}.
    </p>
    <dl class="grid grid-cols-2 gap-4 rounded-xl border border-neutral-200 p-4 text-sm">
      <div>
        <dt class="text-neutral-500">Order number</dt>
        <dd class="font-medium" data-order-id>${order.orderId}</dd>
      </div>
      <div>
        <dt class="text-neutral-500">Delivery</dt>
        <dd class="font-medium">
          ${order.shippingMethod === 'express' ? 'Express (1–2 business days)' : 'Standard (3–5 business days)'}
          to ${country}
        </dd>
      </div>
    </dl>
    <ul role="list" class="divide-y divide-neutral-200 border-y border-neutral-200">
      ${order.items.map(
        (item) =>
          html`<li class="flex justify-between gap-4 py-3 text-sm">
            <span
              >${item.quantity} ×
              ${item.title}${
                Object.keys(item.options).length
                  ? html`<span class="block text-neutral-500"
                      >${Object.entries(item.options)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(', ')}</span
                    >`
                  : null
              }</span
            >
            <span class="font-medium">${dollars(item.unitPrice * item.quantity)}</span>
          </li>`,
      )}
    </ul>
    <dl class="flex flex-col gap-1 text-sm">
      ${[
        ['Subtotal', order.subtotal],
        ['Shipping', order.shipping],
        ['Tax', order.tax],
      ].map(
        ([label, amount]) =>
          html`<div class="flex justify-between">
            <dt class="text-neutral-600">${label}</dt>
            <dd>${dollars(amount as number)}</dd>
          </div>`,
      )}
      <div class="flex justify-between text-base font-semibold">
        <dt>Total</dt>
        <dd>${dollars(order.total)}</dd>
      </div>
    </dl>
    <a
      href="/"
      class="inline-flex w-fit items-center rounded-full bg-neutral-900 px-6 py-3 text-sm font-medium text-white"
      >Continue shopping</a
    >
  </div>`;
}

export function notFoundMain(message: string): Html {
  return html`<div class="mx-auto flex max-w-xl flex-col items-start gap-4 py-16">
    <p class="text-sm font-semibold text-neutral-500">404</p>
    <h1 class="text-3xl font-semibold tracking-tight">Page not found</h1>
    <p class="text-neutral-600">${message}</p>
    <a href="/" class="text-sm font-medium underline">Back to the home page</a>
  </div>`;
}
