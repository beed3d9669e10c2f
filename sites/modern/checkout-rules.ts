import { passesLuhn } from '../../src/luhn.js';

/**
 * The checkout form's fields and their checks, shared by the browser (messages on submit) and the
 * server (which checks again and alone decides whether the card is accepted). Pure: no DOM, no I/O.
 */

export const CHECKOUT_FIELDS = [
  'email',
  'fullName',
  'address1',
  'address2',
  'city',
  'postalCode',
  'country',
  'phone',
  'shippingMethod',
  'cardNumber',
  'cardExpiry',
  'cardCvc',
] as const;
export type CheckoutFieldName = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutValues = Record<CheckoutFieldName, string>;
export type CheckoutErrors = Partial<Record<CheckoutFieldName, string>>;

export const OPTIONAL_FIELDS: ReadonlySet<CheckoutFieldName> = new Set(['address2', 'phone']);

export const COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'US', name: 'United States' },
  { code: 'CA', name: 'Canada' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'IE', name: 'Ireland' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'AU', name: 'Australia' },
];

export const SHIPPING_METHODS = ['standard', 'express'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

/** The one card this staging shop accepts (any future expiry, any 3-digit CVC). */
export const TEST_CARD = '4242424242424242';

const REQUIRED: Record<CheckoutFieldName, string> = {
  email: 'Enter an email address',
  fullName: 'Enter your full name',
  address1: 'Enter an address',
  address2: '',
  city: 'Enter a city',
  postalCode: 'Enter a postal code',
  country: 'Select a country/region',
  phone: '',
  shippingMethod: 'Choose a shipping method',
  cardNumber: 'Enter a card number',
  cardExpiry: 'Enter the expiration date',
  cardCvc: 'Enter the security code',
};

/** Trimmed values of every field from any string lookup (form data, JSON). */
export function readCheckoutValues(get: (name: string) => unknown): CheckoutValues {
  const values = {} as CheckoutValues;
  for (const name of CHECKOUT_FIELDS) {
    const value = get(name);
    values[name] = typeof value === 'string' ? value.trim().slice(0, 200) : '';
  }
  return values;
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The problems a shopper can fix before sending: missing fields and malformed values. */
export function checkFields(values: CheckoutValues, now: Date): CheckoutErrors {
  const errors: CheckoutErrors = {};
  for (const name of CHECKOUT_FIELDS) {
    if (!OPTIONAL_FIELDS.has(name) && !values[name]) errors[name] = REQUIRED[name];
  }
  if (values.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    errors.email = 'Enter a valid email address, like name@example.com';
  }
  if (values.postalCode && !/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(values.postalCode)) {
    errors.postalCode = 'Enter a valid postal code';
  }
  if (values.country && !COUNTRIES.some((c) => c.code === values.country)) {
    errors.country = 'Select a country/region from the list';
  }
  if (
    values.shippingMethod &&
    !(SHIPPING_METHODS as readonly string[]).includes(values.shippingMethod)
  ) {
    errors.shippingMethod = 'Choose a shipping method';
  }
  const card = digitsOf(values.cardNumber);
  if (
    values.cardNumber &&
    (!/^[\d\s-]+$/.test(values.cardNumber) ||
      card.length < 13 ||
      card.length > 19 ||
      !passesLuhn(card))
  ) {
    errors.cardNumber = 'Enter a valid card number';
  }
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2})$/.exec(values.cardExpiry);
  if (values.cardExpiry) {
    const month = expiry ? Number(expiry[1]) : 0;
    const year = expiry ? 2000 + Number(expiry[2]) : 0;
    if (!expiry || month < 1 || month > 12) {
      errors.cardExpiry = 'Enter the expiration date as MM / YY';
    } else if (year * 12 + month < now.getFullYear() * 12 + now.getMonth() + 1) {
      errors.cardExpiry = "Your card's expiration date is in the past";
    }
  }
  if (values.cardCvc && !/^\d{3}$/.test(values.cardCvc)) {
    errors.cardCvc = 'Enter the 3-digit security code';
  }
  return errors;
}

/** The server's last word on a well-formed card: only the staging test card goes through. */
export function declineReason(values: CheckoutValues): string | null {
  if (digitsOf(values.cardNumber) === TEST_CARD) return null;
  return 'Your card was declined. This is a test store: pay with the test card 4242 4242 4242 4242.';
}
