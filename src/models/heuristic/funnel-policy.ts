import { checkoutFill } from './checkout-policy.js';
import { click, terminate, type Ctx, type Decision } from './context.js';
import { clickedHere, failedHere } from './state.js';
import { money, readAmount } from './text.js';

/**
 * The amount the order is for, as the shopper compares it with the budget: the items' subtotal
 * ("Subtotal", "Items (2)") when shown, since budgets are about the product; else the total.
 */
export function orderAmount(text: string): number | null {
  for (const label of [
    String.raw`sub-?total|items?\s*\(\d+\)|items? total|merchandise`,
    'order total|total',
  ]) {
    const m = new RegExp(
      `\\b(?:${label})(?!\\w)[^$€£\\d]{0,24}(?:[$€£]|USD|EUR|GBP)\\s?(\\d[\\d,.]*\\d|\\d)`,
      'i',
    ).exec(text);
    if (m) return readAmount(m[1]!);
  }
  return null;
}

/** After adding to cart: go to the cart, on to checkout, and place the order within budget. */
export function funnelPolicy(ctx: Ctx): Decision | null {
  const { page, state, intent } = ctx;
  const failed = failedHere(state, page.url);
  const place = page.placeOrder();
  const atCheckout = /check-?out/i.test(page.url);
  if (place && (state.addedToCart || atCheckout)) {
    const amount = orderAmount(page.text());
    if (intent.budget !== null && amount !== null && amount > intent.budget)
      return terminate(
        `The order comes to ${money(amount)}, more than my ${money(intent.budget)} budget, so I won't place it.`,
      );
    const fill = checkoutFill(ctx, place);
    if (fill) return fill;
    if (failed.has(place.name) && state.orderAttempts >= 2)
      return terminate(
        `The order won't go through after ${state.orderAttempts} tries, so I give up.`,
      );
    return click(
      place,
      `The details are filled in and the total looks right, so I'll place the order.`,
    );
  }
  if (!state.addedToCart) return null;
  const checkout = page.checkout();
  if (checkout && !failed.has(checkout.name)) {
    const amount = orderAmount(page.text());
    if (intent.budget !== null && amount !== null && amount > intent.budget)
      return terminate(
        `My cart comes to ${money(amount)}, over my ${money(intent.budget)} budget, so I'll stop here.`,
      );
    return click(checkout, `The item is in my cart, so I'll go to checkout.`);
  }
  const cart = page.cartLink();
  if (cart && !clickedHere(state, page.url).has(cart.name))
    return click(cart, `I've added what I wanted, so I'll open my cart.`);
  return null;
}
