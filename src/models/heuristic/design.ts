/**
 * The design-aware rules: before the shopper acts, the page's design may make them give up —
 * a buy button below the first screen or drawn too faintly to notice (a large, strong one is
 * found further down), one more checkout field beyond those a checkout needs, a shipping cost
 * that appears only at the last step, reviews folded away, a long list with nothing to narrow it.
 * Each rule is a chance (design-params.ts) scaled by persona traits, drawn against the step's own
 * design draw: the same persona, seed and step draw the same number in every arm, so two arms of
 * an A/B pair differ only where their pages differ.
 */
import type { ObservedElement } from '../../observe/observation.js';
import { fieldRole } from './checkout-fields.js';
import { inNav, isBuyButton, isProductLink, productKey } from './controls.js';
import { terminate, type Ctx, type Decision } from './context.js';
import { DESIGN_PARAMS as P } from './design-params.js';
import { orderAmount } from './funnel-policy.js';
import { perObservation } from './memo.js';
import { PageView } from './page.js';
import { clickedHere } from './state.js';
import { money, readAmount } from './text.js';

interface Hazard {
  chance: number;
  why: string;
}

const cap = (p: number): number => Math.min(0.95, Math.max(0, p));
const patience = (ctx: Ctx): number => P.scale.patience[ctx.style.patience];

/** Whether a draw this step says the shopper gives up, at `chance`. */
export const givesUp = (ctx: Ctx, chance: number): boolean => ctx.designDraw < cap(chance);

function target(ctx: Ctx, decision: Decision): ObservedElement | null {
  const a = decision.action;
  if (a.type === 'terminate') return null;
  return ctx.page.obs.elements.find((e) => e.name === a.name) ?? null;
}

/**
 * The first thing the shopper reaches for on a product page lies below the first screen. A
 * shopper who already acted on the page (opened the reviews, chose a size) has looked around it.
 */
function belowFold(ctx: Ctx, el: ObservedElement): Hazard | null {
  if (el.screen === null || el.screen < 1 || !ctx.page.isProductPage()) return null;
  if (clickedHere(ctx.state, ctx.page.url).size > 0) return null;
  const reach = P.fold.reach[Math.min(P.fold.reach.length - 1, Math.floor(el.screen))]!;
  const miss = (1 - reach) * (drawnStrongly(el) ? P.prominence.strongFoldMiss : 1);
  return {
    chance: P.fold.unseenLeave * miss * patience(ctx),
    why: `I don't see how to buy this without digging down the page, so I'll leave.`,
  };
}

/** Drawn to be missed: no fill of its own and faint text, or smaller than a fingertip target. */
export function drawnWeakly(el: ObservedElement): boolean {
  const p = el.prominence;
  if (!p) return false;
  return (!p.filled && p.contrast < P.prominence.minContrast) || p.height < P.prominence.minHeight;
}

/** Drawn to be found: a filled, large, high-contrast button. */
function drawnStrongly(el: ObservedElement): boolean {
  const p = el.prominence;
  if (!p) return false;
  return p.filled && p.height >= P.prominence.strongHeight && p.contrast >= P.prominence.strongContrast; // prettier-ignore
}

/** The buy button the shopper reaches for is drawn so weakly that a glance may miss it. */
function weakBuyButton(ctx: Ctx, el: ObservedElement): Hazard | null {
  if (!isBuyButton(el) || !drawnWeakly(el) || !ctx.page.isProductPage()) return null;
  return {
    chance: P.fold.unseenLeave * P.prominence.weakMiss * patience(ctx),
    why: `Nothing on this page stands out as a way to buy it, and I won't hunt for one, so I'll leave.`,
  };
}

/** A checkout detail typed into a text field (not a list or a choice). */
const typedField = (el: ObservedElement): boolean =>
  (el.kind === 'text_input' || el.kind === 'textarea') && fieldRole(el) !== null;

/**
 * One more empty checkout field to type, on a form whose text fields already hold the details a
 * checkout needs (filled in by the shop or by the shopper).
 */
function checkoutField(ctx: Ctx, el: ObservedElement, typing: boolean): Hazard | null {
  if (!typing || el.value?.trim() || !ctx.page.placeOrder() || !typedField(el)) return null;
  const filled = ctx.page.obs.elements.filter((e) => e.value?.trim() && typedField(e)).length;
  if (filled < P.checkoutFields.comfortable) return null;
  const label = el.text.trim() || 'another field';
  return {
    chance: P.checkoutFields.leavePerField * patience(ctx),
    why: `This checkout wants yet another field ("${label}"); it's too much, so I'll stop here.`,
  };
}

/**
 * A totals line: the label, at most a colon, then the amount or FREE ("Shipping $5.99",
 * "Delivery: FREE"). Policy text ("Free delivery on orders over $35") and headings ("Shipping
 * address") are not quotes, nor is "Shipping: calculated at checkout".
 */
const SHIPPING =
  /\b(?:shipping|delivery|postage)(?: & handling| and handling)?\s*:?\s*(free\b|[$€£]\s?\d[\d,.]*)/i;

/** The shipping a page's text quotes: an amount, 0 for free, null when it names none. */
export function quotedShipping(text: string): number | null {
  const m = SHIPPING.exec(text);
  if (!m) return null;
  return /^free$/i.test(m[1]!) ? 0 : readAmount(m[1]!.replace(/^[$€£]\s?/, ''));
}

const historyText = perObservation((o) => new PageView(o, new Set()).text());

/**
 * Placing an order whose shipping cost no earlier page showed, although an earlier page (the
 * cart) showed the order's amount: the cost was left out of the summary the shopper relied on.
 */
function lateCost(ctx: Ctx, el: ObservedElement): Hazard | null {
  if (ctx.page.placeOrder()?.name !== el.name || ctx.state.orderAttempts > 0) return null;
  const shipping = quotedShipping(ctx.page.text());
  if (!shipping) return null;
  const earlier = ctx.history.map((h) => historyText(h.observation));
  if (!earlier.some((text) => orderAmount(text) !== null)) return null;
  if (earlier.some((text) => quotedShipping(text) !== null)) return null;
  return {
    chance: P.lateCosts.leave * P.scale.price_sensitivity[ctx.style.price_sensitivity],
    why: `Shipping of ${money(shipping)} shows up only now, at the very end; I don't like that surprise, so I'll leave.`,
  };
}

const FOLDED =
  /\b(show|see|read|view|open|expand)\b.*\breviews?\b|\breviews?\b.*\b(show|expand)\b/i;

/** A research-minded shopper first sees a product whose reviews sit behind a button. */
function hiddenReviews(ctx: Ctx): Hazard | null {
  if (!ctx.page.isProductPage() || clickedHere(ctx.state, ctx.page.url).size) return null;
  if (ctx.state.reviewed.get(productKey(ctx.page.url))) return null;
  const folded = ctx.page.reviewControls().some((e) => e.kind === 'button' && FOLDED.test(e.text));
  if (!folded) return null;
  return {
    chance: P.hiddenReviews.leave * P.scale.thoroughness[ctx.style.thoroughness],
    why: `The reviews are tucked away instead of shown, and I don't buy without reading them, so I'll look elsewhere.`,
  };
}

const FILTER = /filter|facet|refine|price|brand|sort/i;

/** Wanting to search again on a page with no search box: the shopper may not look further. */
export function lostSearch(ctx: Ctx, reason: string): Decision | null {
  const chance = P.lostSearch.leave * patience(ctx);
  return givesUp(ctx, chance)
    ? terminate(`${reason}, and there's no search box here to look again, so I'll leave.`)
    : null;
}

/** Opening a result from a long list the page gives no way to narrow. */
function tooManyChoices(ctx: Ctx, el: ObservedElement): Hazard | null {
  if (!isProductLink(el) || clickedHere(ctx.state, ctx.page.url).size) return null;
  const count = ctx.page.items().length;
  if (count <= P.choice.comfortable) return null;
  const members = ctx.page.itemMemberNames();
  if (ctx.page.usable.some((e) => !members.has(e.name) && !inNav(e) && FILTER.test(e.name)))
    return null;
  const chance = Math.min(P.choice.maxLeave, P.choice.leavePerExtra * (count - P.choice.comfortable)); // prettier-ignore
  return {
    chance: chance * patience(ctx),
    why: `${count} results and no way to narrow them down; it's too much to go through, so I'll leave.`,
  };
}

/** The decision, or leaving when the page's design makes this shopper give up first. */
export function reactToDesign(ctx: Ctx, decision: Decision): Decision {
  if (decision.action.type === 'terminate') return decision;
  const el = target(ctx, decision);
  const typing = decision.action.type === 'type_and_submit';
  const hazard =
    hiddenReviews(ctx) ??
    (el && (belowFold(ctx, el) ?? weakBuyButton(ctx, el) ?? checkoutField(ctx, el, typing) ?? lateCost(ctx, el) ?? tooManyChoices(ctx, el))); // prettier-ignore
  return hazard && givesUp(ctx, hazard.chance) ? terminate(hazard.why) : decision;
}
