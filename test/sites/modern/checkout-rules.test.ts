import { describe, expect, it } from 'vitest';
import {
  checkFields,
  declineReason,
  readCheckoutValues,
  type CheckoutValues,
} from '../../../sites/modern/checkout-rules.js';

const NOW = new Date(2026, 5, 15);
const valid: CheckoutValues = readCheckoutValues(
  (name) =>
    ({
      email: 'ann@example.com',
      fullName: 'Ann Lee',
      address1: '1 Main St',
      city: 'Springfield',
      postalCode: '12345',
      country: 'US',
      shippingMethod: 'standard',
      cardNumber: '4242 4242 4242 4242',
      cardExpiry: '12 / 30',
      cardCvc: '123',
    })[name],
);

describe('checkout field checks', () => {
  it('asks for every required field and nothing optional', () => {
    const errors = checkFields(
      readCheckoutValues(() => undefined),
      NOW,
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'address1',
        'cardCvc',
        'cardExpiry',
        'cardNumber',
        'city',
        'country',
        'email',
        'fullName',
        'postalCode',
        'shippingMethod',
      ].sort(),
    );
    expect(errors.email).toBe('Enter an email address');
    expect(errors.shippingMethod).toBe('Choose a shipping method');
  });

  it('accepts a complete form with the test card', () => {
    expect(checkFields(valid, NOW)).toEqual({});
    expect(declineReason(valid)).toBeNull();
  });

  it('rejects malformed values with a message per field', () => {
    const errors = checkFields(
      {
        ...valid,
        email: 'ann@',
        country: 'XX',
        shippingMethod: 'drone',
        cardNumber: '4242 4242 4242 4241',
        cardExpiry: '13/30',
        cardCvc: '12',
        postalCode: '#',
      },
      NOW,
    );
    expect(errors).toEqual({
      email: 'Enter a valid email address, like name@example.com',
      country: 'Select a country/region from the list',
      shippingMethod: 'Choose a shipping method',
      cardNumber: 'Enter a valid card number',
      cardExpiry: 'Enter the expiration date as MM / YY',
      cardCvc: 'Enter the 3-digit security code',
      postalCode: 'Enter a valid postal code',
    });
  });

  it('rejects an expiry before this month and accepts this month', () => {
    expect(checkFields({ ...valid, cardExpiry: '05/26' }, NOW).cardExpiry).toBe(
      "Your card's expiration date is in the past",
    );
    expect(checkFields({ ...valid, cardExpiry: '06/26' }, NOW).cardExpiry).toBeUndefined();
  });

  it('declines any other well-formed card and names the test card', () => {
    const other = { ...valid, cardNumber: '4000 0566 5566 5556' };
    expect(checkFields(other, NOW)).toEqual({});
    expect(declineReason(other)).toContain('4242 4242 4242 4242');
  });
});
