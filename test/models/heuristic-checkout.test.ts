import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/observe/observation.js';
import { simplifyDocument } from '../../src/observe/simplify.js';
import { decide, persona, request, step } from './heuristic/helpers.js';

function observe(html: string, url = 'http://shop.test/checkout'): Observation {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return simplifyDocument(document as unknown as Document, { url });
}

interface Filled {
  country?: boolean;
  shipping?: boolean;
  email?: string;
  emailError?: string;
  card?: string;
}

/** A one-page guest checkout in the modern shop's shape: labels, inputs, messages after them. */
function checkout(f: Filled): Observation {
  const value = (v: string | undefined): string => (v ? ` value="${v}"` : '');
  return observe(`<main><h1>Checkout</h1><form>
    <h2>Contact</h2>
    <label for="e">Email</label><input id="e" name="email" type="email"${value(f.email)}>
    ${f.emailError ? `<p>${f.emailError}</p>` : ''}
    <h2>Delivery</h2>
    <label for="c">Country/Region</label>
    <select id="c" name="country"><option value="">Select a country</option>
      <option value="CA">Canada</option><option value="US"${f.country ? ' selected' : ''}>United States</option></select>
    <label for="n">Full name</label><input id="n" name="fullName"${value(f.email && 'Alex Morgan')}>
    <label for="a2">Apartment, suite, etc. (optional)</label><input id="a2" name="address2">
    <fieldset><legend>Shipping method</legend>
      <label><input type="radio" name="ship" value="express"> Express $14.99</label>
      <label><input type="radio" name="ship" value="standard"${f.shipping ? ' checked' : ''}> Standard $5.99</label>
    </fieldset>
    <h2>Payment</h2>
    <label for="cn">Card number</label><input id="cn" name="cardNumber"${value(f.card)}>
    <label for="ex">Expiration date (MM / YY)</label><input id="ex" name="cardExpiry"${value(f.card && '11 / 33')}>
    <label for="cv">Security code</label><input id="cv" name="cardCvc"${value(f.card && '987')}>
    <button type="submit">Place order</button>
  </form><aside>Subtotal $29.49 Total $31.92</aside></main>`);
}

const zoe = persona({
  intent: 'Buy a pullover hoodie.',
  budget: 60,
  checkout: {
    name: 'Zoe Park',
    email: 'zoe@example.com',
    address: '18 Elm Row',
    city: 'Sacramento',
    postal_code: '95814',
    country: 'US',
    card_number: '4242 4242 4242 4242',
    card_expiry: '11/33',
    card_cvc: '987',
  },
});

const nameOf = (obs: Observation, text: RegExp): string =>
  obs.elements.find((e) => text.test(e.text))!.name;

describe('heuristic model: filling an empty checkout', () => {
  it('chooses the country from the profile first, then the cheapest shipping', () => {
    const empty = checkout({});
    const first = decide(request(zoe, empty));
    expect(first.action).toEqual({ type: 'click', name: nameOf(empty, /^United States$/) });
    const next = checkout({ country: true });
    const second = decide(request(zoe, next));
    expect(second.action).toEqual({ type: 'click', name: nameOf(next, /Standard/) });
    expect(second.rationale).toMatch(/shipping method.*cheapest/i);
  });

  it('types each empty required field from the profile, skipping optional ones', () => {
    const obs = checkout({ country: true, shipping: true });
    const answer = decide(request(zoe, obs));
    expect(answer.action).toEqual({
      type: 'type_and_submit',
      name: nameOf(obs, /^Email$/),
      text: 'zoe@example.com',
    });
    expect(answer.rationale).toBe("The checkout asks for my email address, so I'll fill it in.");
    const later = checkout({ country: true, shipping: true, email: 'zoe@example.com' });
    const card = decide(request(zoe, later));
    expect(card.action).toEqual({
      type: 'type_and_submit',
      name: nameOf(later, /^Card number$/),
      text: '4242 4242 4242 4242',
    });
    expect(card.rationale).not.toMatch(/4242/);
  });

  it('fixes a field the page marks invalid, quoting the message', () => {
    const obs = checkout({
      country: true,
      shipping: true,
      email: 'zoe@',
      emailError: 'Enter a valid email address, like name@example.com',
      card: '4242 4242 4242 4242',
    });
    const answer = decide(request(zoe, obs));
    expect(answer.action).toMatchObject({ type: 'type_and_submit', text: 'zoe@example.com' });
    expect(answer.rationale).toMatch(/^The page says "Enter a valid email address.*", so I'll/);
  });

  it('places the order once everything is filled', () => {
    const obs = checkout({
      country: true,
      shipping: true,
      email: 'zoe@example.com',
      card: '4242 4242 4242 4242',
    });
    expect(decide(request(zoe, obs)).action).toEqual({
      type: 'click',
      name: nameOf(obs, /^Place order$/),
    });
  });

  it('uses the default test profile when the persona has none', () => {
    const obs = checkout({ country: true, shipping: true });
    expect(decide(request(persona(), obs)).action).toMatchObject({
      text: 'alex.morgan@example.com',
    });
  });

  it('types the state from the profile when a required state field is empty', () => {
    const obs = observe(`<main><h1>Checkout</h1><form>
      <label for="s">Billing state</label><input id="s" name="billing_region" required>
      <button type="submit">Place order</button></form></main>`);
    const state = nameOf(obs, /Billing state/);
    expect(decide(request(persona(), obs)).action).toEqual({
      type: 'type_and_submit',
      name: state,
      text: 'IL',
    });
    const own = persona({ checkout: { ...zoe.checkout!, region: 'WA' } });
    expect(decide(request(own, obs)).action).toMatchObject({ name: state, text: 'WA' });
  });
});

describe('heuristic model: overlays and hidden navigation', () => {
  const home = (extra: string): Observation =>
    observe(
      `<header><nav><button>Shop</button></nav><button aria-label="Open search"></button></header>
       <main><h1>Everyday gear</h1></main>${extra}`,
      'http://shop.test/',
    );
  const popup = `<div role="dialog"><h2>Get 10% off your first order</h2>
    <form><input type="email" aria-label="Email address"><button>Subscribe</button></form>
    <button>No thanks</button></div>`;
  const cookies = `<div role="region" aria-label="Cookie consent"><h2>We value your privacy</h2>
    <p>We use cookies.</p><button>Reject all</button><button>Accept all</button></div>`;

  it('closes a newsletter pop-up first, then accepts the cookie banner', () => {
    const both = home(cookies + popup);
    const first = decide(request(persona(), both));
    expect(first.action).toEqual({ type: 'click', name: nameOf(both, /^No thanks$/) });
    const banner = home(cookies);
    const second = decide(request(persona(), banner));
    expect(second.action).toEqual({ type: 'click', name: nameOf(banner, /^Accept all$/) });
  });

  it('opens the search behind an icon when no search box is shown', () => {
    const obs = home('');
    const answer = decide(request(persona(), obs));
    expect(answer.action).toEqual({ type: 'click', name: nameOf(obs, /Open search/) });
    expect(answer.rationale).toMatch(/search/);
  });

  it('opens it again on a page where it opened before, but not after a click that did nothing', () => {
    const obs = home('');
    const icon = nameOf(obs, /Open search/);
    const results = observe(
      `<main><h1>No results</h1><a href="/">Home</a></main>`,
      'http://shop.test/search?q=tent',
    );
    // the icon opened the search, the search led away, the shopper came back to this page
    const worked = [
      step(obs, { type: 'click', name: icon }),
      step(results, { type: 'click', name: nameOf(results, /^Home$/) }),
    ];
    expect(decide(request(persona(), obs, worked)).action).toEqual({ type: 'click', name: icon });
    // the same page after the click: it did nothing, so the shopper tries the menu instead
    const nothing = [step(obs, { type: 'click', name: icon })];
    expect(decide(request(persona(), obs, nothing)).action).toEqual({
      type: 'click',
      name: nameOf(obs, /^Shop$/),
    });
  });
});
