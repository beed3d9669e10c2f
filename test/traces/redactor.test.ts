import { describe, expect, it } from 'vitest';
import { Observation } from '../../src/observe/observation.js';
import { REDACTED, Redactor } from '../../src/traces/redactor.js';

const field = (name: string, text: string, value: string) =>
  ({ name, kind: 'text_input', text, tag: 'input', value, inputType: 'text' }) as const;

describe('Redactor.observation', () => {
  it('removes the values of secret fields, named like the recorder names them', () => {
    const obs = Observation.parse({
      url: 'https://shop.test/checkout',
      title: 'Checkout',
      html:
        '<input name="pay.card_number_input" value="4111 1111 1111 1111">' +
        '<input name="login.your_pin_input" value="8642"><input name="dev.api_key_input" value="sk-live-1">' +
        '<input name="trip.passenger_count_input" value="2"><input name="search.q_input" value="shoes">',
      elements: [
        field('pay.card_number_input', 'Card number', '4111 1111 1111 1111'),
        field('login.your_pin_input', 'Your PIN', '8642'),
        field('dev.api_key_input', 'API key', 'sk-live-1'),
        field('trip.passenger_count_input', 'Passengers', '2'),
        field('search.q_input', 'Search', 'shoes'),
      ],
    });
    const out = new Redactor().observation(obs);
    expect(out.elements.map((e) => e.value)).toEqual([REDACTED, REDACTED, REDACTED, '2', 'shoes']);
    expect(out.html).not.toMatch(/4111|8642|sk-live/);
    expect(out.html).toContain('value="shoes"');
  });

  it('finds a secret field the HTML writes relative to its scope, even a value too short to remember', () => {
    const obs = Observation.parse({
      url: 'https://shop.test/checkout',
      title: 'Checkout',
      html:
        '<form scope="checkout.payment"><input name=".security_code_input" value="737">' +
        '<input name=".gift_note_input" value="Happy birthday"></form>',
      elements: [
        field('checkout.payment.security_code_input', 'Security code', '737'),
        field('checkout.payment.gift_note_input', 'Gift note', 'Happy birthday'),
      ],
    });
    const out = new Redactor().observation(obs);
    expect(out.html).toBe(
      `<form scope="checkout.payment"><input name=".security_code_input" value="${REDACTED}">` +
        '<input name=".gift_note_input" value="Happy birthday"></form>',
    );
  });
});
