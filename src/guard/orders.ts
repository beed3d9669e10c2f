/**
 * The order rule of the live-site guard: orders are placed only on loopback hosts (127.0.0.0/8,
 * localhost, ::1) and on hosts named with `--allow-orders-on`. Elsewhere the session stops at the
 * final order button: the click is not performed and the session ends as a purchase marked
 * `not_placed`.
 *
 * The final order button, judged on the element about to be clicked (its visible text and the last
 * segment of its semantic name, `_` read as a space):
 *   - a link, button or clickable whose words say "place order", "complete order/purchase",
 *     "confirm and pay/order/purchase", "submit order", "pay now" or "finish order/checkout"
 *     (PLACE_ORDER, the same words the heuristic shopper looks for), on any page; or
 *   - one saying "buy now", "pay", "purchase", "order now" or "complete checkout" on a checkout
 *     page: its URL path or title says checkout, payment, pay or "review order", or it has a card
 *     number field ("Buy now" on a product page only leads to the checkout).
 * Typing into a checkout form never submits it (type_and_submit commits fields of multi-field
 * forms without sending them), so a click is the only way an order is sent.
 */
import type { Action } from '../action.js';
import { UsageError } from '../errors.js';
import type { Observation, ObservedElement } from '../observe/observation.js';

export const PLACE_ORDER =
  /\b(place (?:my |your |the )?order|complete (?:my |your |the )?(?:order|purchase)|confirm (?:and pay|order|purchase)|submit (?:my )?order|pay now|finish (?:order|checkout))\b/i;
const ON_CHECKOUT = /\b(buy (?:it )?now|pay|purchase|order now|complete checkout)\b/i;
const CHECKOUT_PAGE = /check ?out|payment|\bpay\b|review (?:your )?order/i;
const CARD_FIELD = /card ?(?:number|no)\b|cc ?num|cc-number/i;
const CLICKABLE = new Set<ObservedElement['kind']>(['link', 'button', 'clickable']);

/** The words of an element: its text and the last segment of its name. */
function words(el: ObservedElement): string {
  const last = el.name.split('.').at(-1) ?? el.name;
  return `${el.text} ${last.replace(/[_-]+/g, ' ')}`;
}

/** Whether the page is a checkout page (see the rule above). */
export function isCheckoutPage(observation: Observation): boolean {
  let path = observation.url;
  try {
    path = new URL(observation.url).pathname.replace(/[_/-]+/g, ' ');
  } catch {
    // keep the raw string
  }
  return (
    CHECKOUT_PAGE.test(path) ||
    CHECKOUT_PAGE.test(observation.title) ||
    observation.elements.some(
      (e) => (e.kind === 'text_input' || e.kind === 'select') && CARD_FIELD.test(words(e)),
    )
  );
}

/** Whether `el` is the final order button of its page (see the rule above). */
export function isFinalOrderButton(el: ObservedElement, observation: Observation): boolean {
  if (!CLICKABLE.has(el.kind)) return false;
  const said = words(el);
  if (PLACE_ORDER.test(said)) return true;
  return ON_CHECKOUT.test(said) && isCheckoutPage(observation);
}

/** 127.0.0.0/8, localhost (and *.localhost), ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d+){3}$/.test(h);
}

/** Reads one `--allow-orders-on` host (a hostname; a port is accepted and ignored). */
export function parseOrderHost(host: string, label = '--allow-orders-on'): string {
  const trimmed = host.trim().toLowerCase();
  if (!/^(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(trimmed)) {
    throw new UsageError(
      `${label} "${host}": give a host name such as staging.example.com (no scheme, no path).`,
    );
  }
  return trimmed.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

/** Decides, before each click, whether it would place an order where orders are not allowed. */
export class OrderGuard {
  private readonly hosts: Set<string>;

  constructor(allowOrdersOn: readonly string[] = []) {
    this.hosts = new Set(allowOrdersOn.map((h) => parseOrderHost(h)));
  }

  /** Whether orders may be placed on the page at `url`. */
  allowsOrdersAt(url: string): boolean {
    let host: string;
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return true;
      host = u.hostname.replace(/^\[|\]$/g, '');
    } catch {
      return true;
    }
    return isLoopbackHost(host) || this.hosts.has(host);
  }

  /** Null when the action may run; else why it must not (the click would place a real order). */
  stopReason(observation: Observation, action: Action): string | null {
    if (action.type !== 'click' || this.allowsOrdersAt(observation.url)) return null;
    const target = observation.elements.find((e) => e.name === action.name);
    if (!target || !isFinalOrderButton(target, observation)) return null;
    const host = new URL(observation.url).hostname;
    return (
      `not placed (live-site guard): ${action.name} ("${target.text}") would place an order on ` +
      `${host}, which is not a loopback host; pass --allow-orders-on ${host} to place orders there.`
    );
  }
}
