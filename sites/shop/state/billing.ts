/**
 * The eight extra required checkout fields of variant long-checkout: a confirmation of the email,
 * a mobile number and a separate billing address, empty, with no "same as shipping" shortcut —
 * the kind of friction checkout-usability studies find shoppers abandon over.
 */
export interface BillingField {
  name: string;
  label: string;
  autocomplete: string;
  type?: string;
}

export const BILLING_FIELDS: readonly BillingField[] = [
  { name: 'confirm_email', label: 'Confirm email', autocomplete: 'email', type: 'email' },
  { name: 'mobile_phone', label: 'Mobile phone', autocomplete: 'tel', type: 'tel' },
  { name: 'billing_name', label: 'Billing name', autocomplete: 'billing name' },
  {
    name: 'billing_address_line1',
    label: 'Billing street address',
    autocomplete: 'billing address-line1',
  },
  { name: 'billing_city', label: 'Billing city', autocomplete: 'billing address-level2' },
  { name: 'billing_region', label: 'Billing state', autocomplete: 'billing address-level1' },
  { name: 'billing_postal_code', label: 'Billing ZIP code', autocomplete: 'billing postal-code' },
  { name: 'billing_country', label: 'Billing country', autocomplete: 'billing country-name' },
];

/** Server-side checks of the extra fields: each required, and the two emails the same. */
export function validateBilling(form: URLSearchParams): {
  values: Record<string, string>;
  errors: string[];
} {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const field of BILLING_FIELDS) {
    values[field.name] = (form.get(field.name) ?? '').trim().slice(0, 200);
    if (!values[field.name]) errors.push(`${field.label} is required.`);
  }
  const email = (form.get('email') ?? '').trim().toLowerCase();
  if (values.confirm_email && values.confirm_email.toLowerCase() !== email)
    errors.push('Confirm email must be the same as Email.');
  return { values, errors };
}
