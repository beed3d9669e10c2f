/** The one-page guest checkout: contact, delivery, shipping method, payment, order summary. */
import type { CartJson } from '../../types.js';
import { loadCart } from '../cart-store.js';
import { countryField, shippingField, textField } from '../checkout-fields.js';
import { bindCheckoutForm } from '../checkout-submit.js';
import { html, setHtml, type Html } from '../dom.js';
import { formatMoney } from '../format.js';

function summary(cart: CartJson): Html {
  return html`<aside
    aria-labelledby="summary-heading"
    class="h-fit rounded-2xl bg-neutral-50 p-6 lg:sticky lg:top-24"
  >
    <h2 id="summary-heading" class="text-lg font-semibold">Order summary</h2>
    <ul role="list" class="mt-4 divide-y divide-neutral-200">
      ${cart.lines.map(
        (l) =>
          html`<li class="flex gap-4 py-3 text-sm">
            <div class="relative shrink-0">
              <img src="${l.image}" alt="" class="size-16 rounded-lg bg-white object-cover" />
              <span
                class="absolute -right-2 -top-2 rounded-full bg-neutral-700 px-1.5 text-xs font-semibold leading-5 text-white"
                >${l.quantity}</span
              >
            </div>
            <div class="flex-1">
              <p class="font-medium">${l.title}</p>
              ${l.choice ? html`<p class="text-neutral-500">${l.choice}</p>` : null}
            </div>
            <p class="font-medium">${l.lineTotal.formatted}</p>
          </li>`,
      )}
    </ul>
    <dl class="mt-4 flex flex-col gap-2 border-t border-neutral-200 pt-4 text-sm">
      <div class="flex justify-between">
        <dt class="text-neutral-600">Subtotal</dt>
        <dd>${cart.subtotal.formatted}</dd>
      </div>
      <div class="flex justify-between">
        <dt class="text-neutral-600">Shipping</dt>
        <dd data-shipping>Select a method</dd>
      </div>
      <div class="flex justify-between">
        <dt class="text-neutral-600">Estimated tax</dt>
        <dd>${cart.tax.formatted}</dd>
      </div>
      <div class="flex justify-between border-t border-neutral-200 pt-3 text-base font-semibold">
        <dt>Total</dt>
        <dd data-total>${formatMoney(cart.subtotal.cents + cart.tax.cents)}</dd>
      </div>
    </dl>
  </aside>`;
}

export async function renderCheckout(main: HTMLElement): Promise<string> {
  const cart = await loadCart();
  if (!cart.lines.length) {
    setHtml(
      main,
      html`<div class="mx-auto flex max-w-xl flex-col items-start gap-4 py-16">
        <h1 class="text-3xl font-semibold tracking-tight">Checkout</h1>
        <p class="text-neutral-600">Your cart is empty. Add something before checking out.</p>
        <a
          href="/"
          class="inline-flex h-11 items-center rounded-full bg-neutral-900 px-6 text-sm font-semibold text-white"
          >Continue shopping</a
        >
      </div>`,
    );
    return 'Checkout';
  }
  setHtml(
    main,
    html`<h1 class="text-3xl font-semibold tracking-tight">Checkout</h1>
      <div class="mt-8 grid gap-12 lg:grid-cols-[1fr_380px]">
        <form novalidate class="flex flex-col gap-10" data-checkout-form>
          <div
            role="alert"
            class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700"
            data-form-error
            tabindex="-1"
            hidden
          ></div>
          <section class="grid grid-cols-2 gap-4">
            <h2 class="col-span-2 text-lg font-semibold">Contact</h2>
            ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', wide: true })}
          </section>
          <section class="grid grid-cols-2 gap-4">
            <h2 class="col-span-2 text-lg font-semibold">Delivery</h2>
            ${countryField()}
            ${textField({ name: 'fullName', label: 'Full name', autocomplete: 'name', wide: true })}
            ${textField({ name: 'address1', label: 'Address', autocomplete: 'address-line1', placeholder: 'Street and house number', wide: true })}
            ${textField({ name: 'address2', label: 'Apartment, suite, etc.', autocomplete: 'address-line2', optional: true, wide: true })}
            ${textField({ name: 'city', label: 'City', autocomplete: 'address-level2' })}
            ${textField({ name: 'postalCode', label: 'Postal code', autocomplete: 'postal-code' })}
            ${textField({ name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', optional: true, wide: true })}
          </section>
          ${shippingField(cart)}
          <section class="grid grid-cols-2 gap-4">
            <h2 class="col-span-2 text-lg font-semibold">Payment</h2>
            <p class="col-span-2 -mt-2 text-sm text-neutral-500">
              All transactions are secure and encrypted.
            </p>
            <p class="col-span-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
              Test mode: pay with card 4242 4242 4242 4242, any future expiration date and any
              3-digit security code.
            </p>
            ${textField({ name: 'cardNumber', label: 'Card number', autocomplete: 'cc-number', inputmode: 'numeric', placeholder: '1234 1234 1234 1234', wide: true })}
            ${textField({ name: 'cardExpiry', label: 'Expiration date (MM / YY)', autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: 'MM / YY' })}
            ${textField({ name: 'cardCvc', label: 'Security code', autocomplete: 'cc-csc', inputmode: 'numeric', placeholder: 'CVC' })}
          </section>
          <button
            type="submit"
            disabled
            class="inline-flex h-14 w-full items-center justify-center rounded-full bg-neutral-900 text-base font-semibold text-white hover:bg-neutral-700 disabled:cursor-wait disabled:opacity-60"
          >
            Place order
          </button>
        </form>
        ${summary(cart)}
      </div>`,
  );
  bindCheckoutForm(main, cart);
  return 'Checkout';
}
