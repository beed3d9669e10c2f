/** Checkout form behaviour: card formatting, validation messages, placing the order. */
import {
  CHECKOUT_FIELDS,
  checkFields,
  readCheckoutValues,
  type CheckoutErrors,
} from '../checkout-rules.js';
import type { CartJson } from '../types.js';
import { postJson } from './api.js';
import { $, $$, on, onHydrated } from './dom.js';
import { formatCardNumber, formatCvc, formatExpiry, formatMoney } from './format.js';

/** Marks every field with its message (aria-invalid + the message element next to it). */
function showErrors(form: HTMLFormElement, errors: CheckoutErrors): void {
  for (const name of CHECKOUT_FIELDS) {
    const wrapper = form.querySelector<HTMLElement>(`[data-field="${name}"]`);
    if (!wrapper) continue;
    const slot = $(wrapper, '[data-error]');
    const message = errors[name] ?? '';
    slot.textContent = message;
    slot.hidden = !message;
    for (const control of $$<HTMLInputElement>(wrapper, 'input, select')) {
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', slot.id);
      } else {
        control.removeAttribute('aria-invalid');
        control.removeAttribute('aria-describedby');
      }
    }
  }
}

function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return readCheckoutValues((name) => data.get(name));
}

export function bindCheckoutForm(main: HTMLElement, cart: CartJson): void {
  const form = $<HTMLFormElement>(main, 'form[data-checkout-form]');
  const submit = $<HTMLButtonElement>(form, 'button[type=submit]');
  const banner = $(form, '[data-form-error]');
  // Never a native submission (it would put the card number in the URL), hydrated or not.
  form.addEventListener('submit', (event) => event.preventDefault());
  onHydrated(() => {
    submit.disabled = false;
  });
  const formatters: [string, (text: string) => string][] = [
    ['cardNumber', formatCardNumber],
    ['cardExpiry', formatExpiry],
    ['cardCvc', formatCvc],
  ];
  for (const [name, format] of formatters) {
    const input = $<HTMLInputElement>(form, `input[name="${name}"]`);
    on(input, 'input', () => {
      const formatted = format(input.value);
      if (formatted !== input.value) input.value = formatted;
    });
  }
  for (const radio of $$<HTMLInputElement>(form, 'input[name="shippingMethod"]')) {
    on(radio, 'change', () => {
      const shipping = radio.value === 'express' ? cart.expressShipping : cart.standardShipping;
      $(main, '[data-shipping]').textContent = shipping.cents === 0 ? 'Free' : shipping.formatted;
      $(main, '[data-total]').textContent = formatMoney(
        cart.subtotal.cents + cart.tax.cents + shipping.cents,
      );
    });
  }
  const fail = (message: string, errors: CheckoutErrors) => {
    showErrors(form, errors);
    banner.textContent = message;
    banner.hidden = false;
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? banner).focus();
  };
  on(form, 'submit', () => {
    const values = valuesOf(form);
    const errors = checkFields(values, new Date());
    const count = Object.keys(errors).length;
    if (count)
      return fail(
        `Please fix ${count === 1 ? 'the highlighted field' : `the ${count} highlighted fields`}.`,
        errors,
      );
    showErrors(form, {});
    banner.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Processing…';
    void postJson<{ url?: string; message?: string; errors?: CheckoutErrors }>(
      '/api/checkout',
      values,
    )
      .then((answer) => {
        if (answer.ok && answer.data.url) {
          location.assign(answer.data.url);
          return;
        }
        fail(
          answer.data.message ?? 'The order could not be placed; please try again.',
          answer.data.errors ?? {},
        );
        submit.disabled = false;
        submit.textContent = 'Place order';
      })
      .catch(() => {
        fail('The shop could not be reached; check your connection and try again.', {});
        submit.disabled = false;
        submit.textContent = 'Place order';
      });
  });
}
