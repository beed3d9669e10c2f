import type { ObservedElement } from '../../observe/observation.js';
import { audienceMismatch, audienceOf } from './audience.js';
import { productKey } from './controls.js';
import { click, short, wanted, type Ctx, type Decision } from './context.js';
import { mainProduct, type MainProduct } from './items.js';
import { chooseOption, closedDropdowns, optionGroups } from './options.js';
import { relevance, reviewPages } from './score.js';
import { compareFirst, leaveProduct } from './search-policy.js';
import { clickedHere, failedHere } from './state.js';
import { money } from './text.js';

/** "Size Select size" -> "size": the label before the placeholder words. */
const UNCHOSEN_PREFIX = /^.*\b(select|choose|pick)( an?| your)?\s/i;

/** Opens the reviews, or one more page of them, while this shopper still wants to read. */
export function reviewStep(ctx: Ctx, info: MainProduct): Decision | null {
  const key = productKey(ctx.page.url);
  const read = ctx.state.reviewed.get(key) ?? 0;
  let want = reviewPages(ctx.style);
  if (ctx.style.thoroughness === 'medium' && read === 0 && ctx.rng() < 0.25) want = 1;
  if (read >= want) return null;
  const done = clickedHere(ctx.state, ctx.page.url);
  const controls = ctx.page.reviewControls().filter((e) => !done.has(e.name));
  const isMore = (text: string, name: string): boolean =>
    /\b(next|more|older|page \d|show all)\b|›|»/i.test(text) || /(next|more)/i.test(name);
  const control =
    read === 0
      ? (controls.find((e) => !isMore(e.text, e.name)) ?? controls[0])
      : controls.find((e) => isMore(e.text, e.name));
  if (!control) return null;
  return click(
    control,
    read === 0
      ? `Before deciding on ${short(info.title)} I want to read what other buyers say.`
      : `I'll read one more page of reviews to be sure.`,
  );
}

/** On a product page: check fit and budget, read reviews, choose options, then buy. */
export function productPolicy(ctx: Ctx): Decision {
  const info = mainProduct(ctx.page);
  const title = short(info.title);
  const { budget } = ctx.intent;
  const rel = relevance(`${info.title} ${ctx.page.obs.title}`, '', ctx.intent);
  if (!rel.headOk)
    return leaveProduct(ctx, `${title} isn't the ${wanted(ctx.intent)} I'm looking for`);
  if (audienceMismatch(info.title, ctx.intent.audience) === 'hard')
    return leaveProduct(ctx, `${title} is cut for ${audienceOf(info.title)}, not what I need`);
  if (budget !== null && info.price !== null && info.price > budget)
    return leaveProduct(ctx, `At ${money(info.price)} ${title} is over my ${money(budget)} budget`);

  const reviews = reviewStep(ctx, info);
  if (reviews) return reviews;
  if (ctx.style.thoroughness === 'high' && info.rating !== null && info.rating < 3)
    return leaveProduct(ctx, `Reviews give ${title} only ${info.rating} out of 5`);
  const compare = compareFirst(ctx, title);
  if (compare) return compare;

  const usable = new Set(ctx.page.usable.map((e) => e.name));
  const done = clickedHere(ctx.state, ctx.page.url);
  for (const group of optionGroups(ctx.page)) {
    // Every option saying "not selected" means an earlier pick was lost (the page re-rendered).
    const unset = group.members.every((m) => m.checked === false);
    const picked = !unset && group.members.some((m) => done.has(m.name));
    const choice = chooseOption(group, ctx.intent, usable, picked);
    if (choice.kind === 'unavailable') return leaveProduct(ctx, `For ${title} ${choice.why}`);
    if (choice.kind === 'choose' && (unset || !done.has(choice.element.name)))
      return click(choice.element, choice.why);
  }

  const failed = failedHere(ctx.state, ctx.page.url);
  const closed = closedDropdowns(ctx.page).find((d) => !failed.has(d.name));
  if (closed) {
    const what = closed.text.replace(UNCHOSEN_PREFIX, '').trim().toLowerCase() || 'option';
    return click(closed, `I need to choose a ${what} first, so I'll open the ${what} list.`);
  }
  const buttons = ctx.page
    .mainBuyButtons()
    .filter((b) => !b.disabled && usable.has(b.name) && !failed.has(b.name));
  // Impatient shoppers take the shortcut when the page offers one.
  const isCart = (b: ObservedElement): boolean => /cart|bag|basket|trolley/i.test(b.text + b.name);
  const buy =
    (ctx.style.patience === 'low' ? buttons.find((b) => !isCart(b)) : undefined) ??
    buttons.find(isCart) ??
    buttons[0];
  if (!buy) return leaveProduct(ctx, `${title} can't be bought right now`);
  const price = info.price !== null ? ` at ${money(info.price)}` : '';
  const fit = budget !== null && info.price !== null ? ` within my ${money(budget)} budget` : '';
  const verb = /buy/i.test(buy.text) ? 'buy it now' : 'add it to my cart';
  return click(buy, `${title}${price} is what I want${fit}, so I'll ${verb}.`);
}
