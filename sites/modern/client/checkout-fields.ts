/** Markup of the checkout form's fields: visible label, input, and an error slot next to it. */
import { COUNTRIES, type CheckoutFieldName } from '../checkout-rules.js';
import type { CartJson } from '../types.js';
import { html, raw, useId, type Html } from './dom.js';

const INPUT =
  'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm placeholder:text-neutral-400 focus:border-neutral-900 focus:outline-none aria-[invalid=true]:border-red-600';

function errorSlot(): Html {
  return html`<p id="${useId()}" class="text-sm text-red-600" data-error hidden></p>`;
}

export interface TextFieldSpec {
  name: CheckoutFieldName;
  label: string;
  type?: string;
  autocomplete: string;
  placeholder?: string;
  inputmode?: string;
  optional?: boolean;
  wide?: boolean;
}

export function textField(spec: TextFieldSpec): Html {
  const id = useId();
  return html`<div
    class="flex flex-col gap-1.5 ${spec.wide ? 'col-span-2' : 'col-span-2 sm:col-span-1'}"
    data-field="${spec.name}"
  >
    <label for="${id}" class="text-sm font-medium text-neutral-800"
      >${spec.label}${spec.optional ? html` <span class="font-normal text-neutral-500">(optional)</span>` : null}</label
    >
    <input
      id="${id}"
      name="${spec.name}"
      type="${spec.type ?? 'text'}"
      autocomplete="${spec.autocomplete}"
      ${spec.inputmode ? raw(`inputmode="${spec.inputmode}"`) : null}
      ${spec.placeholder ? raw(`placeholder="${spec.placeholder}"`) : null}
      ${spec.optional ? null : raw('aria-required="true"')}
      class="${INPUT}"
    />
    ${errorSlot()}
  </div>`;
}

export function countryField(): Html {
  const id = useId();
  return html`<div class="col-span-2 flex flex-col gap-1.5" data-field="country">
    <label for="${id}" class="text-sm font-medium text-neutral-800">Country/Region</label>
    <select id="${id}" name="country" autocomplete="country" aria-required="true" class="${INPUT}">
      <option value="">Select a country</option>
      ${COUNTRIES.map((c) => html`<option value="${c.code}">${c.name}</option>`)}
    </select>
    ${errorSlot()}
  </div>`;
}

export function shippingField(cart: CartJson): Html {
  const legendId = useId();
  const methods = [
    {
      value: 'standard',
      label: 'Standard',
      time: '3–5 business days',
      price: cart.standardShipping,
    },
    { value: 'express', label: 'Express', time: '1–2 business days', price: cart.expressShipping },
  ];
  return html`<fieldset
    class="flex flex-col gap-3"
    data-field="shippingMethod"
    aria-labelledby="${legendId}"
  >
    <legend id="${legendId}" class="text-lg font-semibold">Shipping method</legend>
    ${methods.map((m) => {
      const id = useId();
      return html`<label
        for="${id}"
        class="flex cursor-pointer items-center gap-3 rounded-lg border border-neutral-300 px-4 py-3 has-[:checked]:border-neutral-900 has-[:checked]:bg-neutral-50"
      >
        <input
          id="${id}"
          type="radio"
          name="shippingMethod"
          value="${m.value}"
          class="size-4 accent-neutral-900"
        />
        <span class="flex-1 text-sm"
          ><span class="font-medium">${m.label}</span>
          <span class="text-neutral-500">· ${m.time}</span></span
        >
        <span class="text-sm font-medium">${m.price.cents === 0 ? 'Free' : m.price.formatted}</span>
      </label>`;
    })}
    ${errorSlot()}
  </fieldset>`;
}
