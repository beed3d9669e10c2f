import { BILLING_FIELDS } from '../state/billing.js';
import type { CartTotals } from '../state/cart.js';
import type { CheckoutField } from '../state/checkout.js';
import { totalsList } from './cart.js';
import type { PageContext } from './context.js';
import { formatMoney } from './format.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';

/** The test customer the checkout form is prefilled with. The card is a standard test number. */
export const TEST_CUSTOMER: Record<CheckoutField, string> = {
  full_name: 'Alex Morgan',
  email: 'alex.morgan@example.com',
  phone: '+1 503 555 0142',
  address_line1: '221 Harbor Street',
  city: 'Portland',
  region: 'OR',
  postal_code: '97209',
  country: 'United States',
  card_name: 'Alex Morgan',
  card_number: '4242 4242 4242 4242',
  card_expiry: '12/30',
  card_cvc: '123',
};

interface Field {
  name: CheckoutField;
  label: string;
  autocomplete: string;
  type?: string;
  inputmode?: string;
}

const ADDRESS: Field[] = [
  { name: 'full_name', label: 'Full name', autocomplete: 'name' },
  { name: 'email', label: 'Email', autocomplete: 'email', type: 'email' },
  { name: 'phone', label: 'Phone', autocomplete: 'tel', type: 'tel' },
  { name: 'address_line1', label: 'Street address', autocomplete: 'address-line1' },
  { name: 'city', label: 'City', autocomplete: 'address-level2' },
  { name: 'region', label: 'State', autocomplete: 'address-level1' },
  { name: 'postal_code', label: 'ZIP code', autocomplete: 'postal-code' },
  { name: 'country', label: 'Country', autocomplete: 'country-name' },
];

const PAYMENT: Field[] = [
  { name: 'card_name', label: 'Name on card', autocomplete: 'cc-name' },
  { name: 'card_number', label: 'Card number', autocomplete: 'cc-number', inputmode: 'numeric' },
  { name: 'card_expiry', label: 'Expiry (MM/YY)', autocomplete: 'cc-exp' },
  { name: 'card_cvc', label: 'Security code (CVC)', autocomplete: 'cc-csc', inputmode: 'numeric' },
];

/**
 * Optional extras many shops ask for at checkout: a password to create an account and a tax id
 * for invoices. Empty by default, never required, never stored; they give the checkout the kinds
 * of secret a shopper types besides the card (the end-to-end secrets test types into them).
 */
const EXTRAS = [
  {
    name: 'account_password',
    label: 'Password to create an account (optional)',
    autocomplete: 'new-password',
    type: 'password',
  },
  { name: 'tax_id', label: 'Tax ID, SSN or EIN, for invoices (optional)', autocomplete: 'off' },
] as const;

/**
 * /checkout: form#checkout_form (POST) > fieldset#shipping_address and fieldset#payment with
 * labelled inputs whose ids equal their names (full_name ... card_number, card_cvc),
 * (variant long-checkout: fieldset#billing with eight more required fields, empty),
 * fieldset#extras (optional account_password and tax_id, empty), button#place_order;
 * aside#order_summary with the lines and totals, a#edit_cart.
 */
export function checkoutPage(
  ctx: PageContext,
  totals: CartTotals,
  draft: Record<string, string>,
): Html {
  const field = (f: Field) => inputField(f, draft[f.name] ?? TEST_CUSTOMER[f.name], true);
  const body = html`<h1>Checkout</h1>
    <div class="checkout-layout">
      <form id="checkout_form" method="post" action="/checkout">
        <fieldset id="shipping_address">
          <legend>Shipping address</legend>
          ${ADDRESS.map(field)}
        </fieldset>
        <fieldset id="payment">
          <legend>Payment</legend>
          ${PAYMENT.map(field)}
        </fieldset>
        ${ctx.variant === 'long-checkout' ? billingFieldset(draft) : null}
        <fieldset id="extras">
          <legend>Optional</legend>
          ${EXTRAS.map((f) => inputField(f, null, false))}
        </fieldset>
        <button type="submit" id="place_order" class="btn btn-buy btn-large">Place order</button>
        <p class="legal">
          By placing your order you agree to the demo shop's conditions. No real payment is taken.
        </p>
      </form>
      <aside id="order_summary" aria-label="Order summary">
        <h2>Order summary</h2>
        <ul class="summary-lines">
          ${totals.lines.map(
            (l) =>
              html`<li data-product-id="${l.productId}">
                ${l.product.title}${l.choice ? html` <span class="line-options">(${l.choice})</span>` : null}
                × ${l.quantity} <span class="amount">${formatMoney(l.lineTotal)}</span>
              </li>`,
          )}
        </ul>
        ${totalsList(totals)}
        <p><a id="edit_cart" href="/cart">Edit cart</a></p>
      </aside>
    </div>`;
  return layout(ctx, { title: 'Checkout', page: 'checkout', body });
}

/** Variant long-checkout: eight more required fields, empty (see state/billing.ts). */
function billingFieldset(draft: Record<string, string>): Html {
  return html`<fieldset id="billing">
    <legend>Billing details</legend>
    ${BILLING_FIELDS.map((f) => inputField(f, draft[f.name] ?? '', true))}
  </fieldset>`;
}

/** One labelled input whose id equals its name; `value` null leaves it without a value. */
function inputField(
  f: { name: string; label: string; autocomplete: string; type?: string; inputmode?: string },
  value: string | null,
  required: boolean,
): Html {
  return html`<p class="field">
    <label for="${f.name}">${f.label}</label>
    <input
      id="${f.name}"
      name="${f.name}"
      type="${f.type ?? 'text'}"
      autocomplete="${f.autocomplete}"
      ${f.inputmode ? html` inputmode="${f.inputmode}"` : null}
      ${value === null ? null : html` value="${value}"`}
      ${required ? html` required` : null}
    />
  </p>`;
}
