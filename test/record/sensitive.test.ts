import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Redactor, observedSecrets, secretForms } from '../../src/traces/redactor.js';
import {
  isSensitiveField,
  markSensitive,
  MASK_ATTRIBUTE,
  REDACTED,
  sensitiveValues,
} from '../../src/record/sensitive.js';
import { namedTarget, soleTextField } from '../../src/record/targets.js';
import type { Observation } from '../../src/observe/observation.js';

const NAME = 'data-shopsim-name';

function doc(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`)
    .document as unknown as Document;
}

describe('sensitive fields', () => {
  it('detects passwords and card fields by type, autocomplete, name, id and label', () => {
    const d = doc(`
      <input id="a" type="password">
      <input id="b" autocomplete="cc-number">
      <input id="c" autocomplete="shipping cc-exp">
      <input id="d" name="ccnum">
      <input id="card_cvc">
      <label for="e">Security code</label><input id="e">
      <label>Your PIN <input id="f"></label>
      <input id="g" aria-label="CVV">
      <input id="h" name="email" autocomplete="email">
      <input id="i" name="q" placeholder="Search">
      <textarea id="j" name="gift_card_message"></textarea>
      <input id="k" type="checkbox" name="remember_password">`);
    const sensitive = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].filter((id) =>
      isSensitiveField(d.getElementById(id)!),
    );
    // since the live-site/secrets work (issue 15), an email address counts as personal: 'h' too
    expect(sensitive).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j']);
    expect(isSensitiveField(d.getElementById('card_cvc')!)).toBe(true);
  });

  it('lists the current values of sensitive fields with their names', () => {
    const d =
      doc(`<input name="cc" autocomplete="cc-number" ${NAME}="pay.number" value="4111 1111 1111 1111">
      <input name="q" value="shoes"><input type="password" name="pw" value="">`);
    expect(sensitiveValues(d, NAME)).toEqual([
      { name: 'pay.number', field: 'cc', value: '4111 1111 1111 1111' },
    ]);
  });
});

describe('targets', () => {
  it('maps a click to the named control of a label, else the nearest named ancestor', () => {
    const d =
      doc(`<label ${NAME}="x.label"><input id="r" type="radio" ${NAME}="size.9"><span id="t">9</span></label>
      <a ${NAME}="card.link"><div><span id="deep">Title</span></div></a><p id="plain">text</p>`);
    expect(namedTarget(d.getElementById('t'), NAME)?.getAttribute(NAME)).toBe('size.9');
    expect(namedTarget(d.getElementById('deep'), NAME)?.getAttribute(NAME)).toBe('card.link');
    expect(namedTarget(d.getElementById('plain'), NAME)).toBeNull();
  });

  it('treats a single-field form submitted by its only button as a text entry', () => {
    const d = doc(`<form><input id="q" name="q"><button id="go">Search</button></form>
      <form><input id="qty" name="qty"><button id="cart" value="cart">Add</button><button id="buy">Buy</button></form>
      <form><input id="a"><input id="b"><button id="send">Send</button></form>`);
    expect(soleTextField(d.getElementById('go')!)?.id).toBe('q');
    expect(soleTextField(d.getElementById('cart')!)).toBeNull();
    expect(soleTextField(d.getElementById('send')!)).toBeNull();
  });
});

describe('Redactor (recorded pages)', () => {
  const observation: Observation = {
    url: 'http://shop.test/pay?card=4111+1111+1111+1111&ok=1',
    title: 'Pay',
    html:
      '<input name="pay.number" value="4111 1111 1111 1111"><input name="pay.cvc" value="123">' +
      '<p>Card 4111111111111111 &amp; code</p><p>Total $123.00</p>',
    elements: [
      {
        name: 'pay.number',
        kind: 'text_input',
        text: 'Card number',
        tag: 'input',
        href: null,
        value: '4111 1111 1111 1111',
        checked: null,
        disabled: false,
        inputType: 'text',
        screen: null,
        prominence: null,
      },
      {
        name: 'pay.cvc',
        kind: 'text_input',
        text: 'CVC',
        tag: 'input',
        href: null,
        value: '123',
        checked: null,
        disabled: false,
        inputType: 'text',
        screen: null,
        prominence: null,
      },
    ],
  };
  const secrets = [
    { name: 'pay.number', field: 'card', value: '4111 1111 1111 1111' },
    { name: 'pay.cvc', field: 'cvc', value: '123' },
  ];

  it('removes long secrets everywhere and short ones from their own field only', () => {
    const scrubbed = new Redactor().observation(observation, secrets);
    const text = JSON.stringify(scrubbed);
    expect(text).not.toContain('4111');
    expect(scrubbed.html).toContain(`name="pay.cvc" value="${REDACTED}"`);
    expect(scrubbed.html).toContain('Total $123.00'); // a short value is not hunted elsewhere
    expect(scrubbed.elements.map((e) => e.value)).toEqual([REDACTED, REDACTED]);
    expect(scrubbed.url).toBe(`http://shop.test/pay?card=${encodeURIComponent(REDACTED)}&ok=1`);
  });

  it('remembers secrets for later pages and knows their spellings', () => {
    const scrubber = new Redactor();
    scrubber.remember([{ name: null, field: null, value: 'p&ss "word"' }]);
    expect(scrubber.text('echo: p&amp;ss &quot;word&quot;!')).toBe(`echo: ${REDACTED}!`);
    expect(secretForms('4111 1111 1111 1111')).toContain('4111111111111111');
    expect(observedSecrets(observation).map((s) => s.name)).toEqual(['pay.number', 'pay.cvc']);
  });
});

describe('markSensitive (what screenshots mask)', () => {
  it('marks secret and personal fields, sensitive selects and payment iframes, and re-marks afresh', () => {
    const d = doc(`
      <input id="a" type="password"><input id="b" name="tax_id" aria-label="SSN">
      <input id="c" type="email"><input id="d" name="city">
      <select id="e" name="exp_month"><option>07</option></select><select id="f" name="size"></select>
      <iframe id="g" title="Secure card payment input frame"></iframe><iframe id="h" title="Map"></iframe>
      <p id="i" data-shopsim-mask>stale</p>`);
    expect(markSensitive(d)).toBe(5);
    const marked = Array.from(d.querySelectorAll(`[${MASK_ATTRIBUTE}]`)).map((e) => e.id);
    expect(marked).toEqual(['a', 'b', 'c', 'e', 'g']);
  });
});
