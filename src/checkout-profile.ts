import { z } from 'zod';
import { passesLuhn } from './luhn.js';

/**
 * The details a shopper types at a checkout: contact, delivery address and a payment card. The
 * card must be a staging test card (e.g. 4242 4242 4242 4242): simulated shoppers never pay.
 * Card number, expiry and security code are kept out of trace files.
 */
export const CheckoutProfile = z
  .object({
    name: z.string().trim().min(1, 'give the full name to ship to, e.g. "Alex Morgan"'),
    email: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'give an email address like alex@example.com'),
    phone: z
      .string()
      .regex(/^\+?[\d ()./-]{5,20}$/, 'give a phone number like 555-0142')
      .optional(),
    address: z.string().trim().min(1, 'give the street and house number, e.g. "221 Test Street"'),
    city: z.string().trim().min(1, 'give a city'),
    /** State, province or region, for forms that ask for one. */
    region: z.string().trim().min(1, 'give a state or region, e.g. "IL"').optional(),
    postal_code: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, 'give a postal code like 62704 or SW1A 1AA'),
    country: z
      .string()
      .trim()
      .min(2, 'give a country name or two-letter code, e.g. "United States"'),
    card_number: z
      .string()
      .regex(/^\d(?:[ -]?\d){12,18}$/, 'give 13 to 19 digits, e.g. 4242 4242 4242 4242')
      .refine(
        passesLuhn,
        'is not a valid card number; use a staging test card like 4242 4242 4242 4242',
      ),
    card_expiry: z
      .string()
      .regex(/^(0[1-9]|1[0-2]) ?\/ ?\d{2}$/, 'write the expiry as MM/YY, e.g. 12/34'),
    card_cvc: z.string().regex(/^\d{3,4}$/, 'give the 3- or 4-digit security code, e.g. 123'),
  })
  .strict();
export type CheckoutProfile = z.infer<typeof CheckoutProfile>;

/** The profile of a persona that brings none: a made-up person and the common staging test card. */
export const DEFAULT_CHECKOUT: CheckoutProfile = {
  name: 'Alex Morgan',
  email: 'alex.morgan@example.com',
  phone: '555-0142',
  address: '221 Test Street',
  city: 'Springfield',
  region: 'IL',
  postal_code: '62704',
  country: 'United States',
  card_number: '4242 4242 4242 4242',
  card_expiry: '12/34',
  card_cvc: '123',
};
