import { passesLuhn } from '../../../src/luhn.js';

/** The Luhn check, under the name the shop's callers use. */
export { passesLuhn as luhnValid } from '../../../src/luhn.js';

/** Server-side checks of the checkout form. Every message says which field and what to enter. */

export const CHECKOUT_FIELDS = [
  'full_name',
  'email',
  'phone',
  'address_line1',
  'city',
  'region',
  'postal_code',
  'country',
  'card_name',
  'card_number',
  'card_expiry',
  'card_cvc',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

const LABELS: Record<CheckoutField, string> = {
  full_name: 'Full name',
  email: 'Email',
  phone: 'Phone',
  address_line1: 'Street address',
  city: 'City',
  region: 'State',
  postal_code: 'ZIP code',
  country: 'Country',
  card_name: 'Name on card',
  card_number: 'Card number',
  card_expiry: 'Expiry',
  card_cvc: 'Security code',
};

/** Reads the form; returns the values and a list of problems (empty when the order can go ahead). */
export function validateCheckout(
  form: URLSearchParams,
  now: Date = new Date(),
): { values: Record<string, string>; errors: string[] } {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const name of CHECKOUT_FIELDS) {
    values[name] = (form.get(name) ?? '').trim().slice(0, 200);
    if (!values[name]) errors.push(`${LABELS[name]} is required.`);
  }
  if (values.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    errors.push('Email must look like name@example.com.');
  }
  const card = (values.card_number ?? '').replace(/[\s-]/g, '');
  if (values.card_number && (!/^\d{13,19}$/.test(card) || !passesLuhn(card))) {
    errors.push('Card number is not valid; check the digits.');
  }
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(values.card_expiry ?? '');
  if (values.card_expiry) {
    const month = expiry ? Number(expiry[1]) : 0;
    const year = expiry ? 2000 + Number(expiry[2]) : 0;
    if (!expiry || month < 1 || month > 12) errors.push('Expiry must be MM/YY, e.g. 12/30.');
    else if (year * 12 + month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
      errors.push('The card has expired; use another card.');
    }
  }
  if (values.card_cvc && !/^\d{3,4}$/.test(values.card_cvc)) {
    errors.push('Security code must be 3 or 4 digits.');
  }
  return { values, errors };
}
