import { productKey } from './controls.js';
import { lostSearch } from './design.js';
import { explore, searchOpener } from './nav-policy.js';
import { click, terminate, typeInto, short, wanted, type Ctx, type Decision } from './context.js';
import type { Item } from './items.js';
import { assess, maxProductViews, maxResultPages, maxSearches, type Assessed } from './score.js';
import { money } from './text.js';

const lowerFirst = (text: string): string =>
  /^("|I\b)/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);

/** Types the next untried search text, if there is a search box and patience left. */
export function searchNext(ctx: Ctx, why: (query: string) => string): Decision | null {
  const box = ctx.page.searchBox();
  const tried = new Set(ctx.state.queries);
  const query = ctx.intent.queries.find((q) => !tried.has(q));
  if (!query || tried.size >= maxSearches(ctx.style)) return null;
  if (box) return typeInto(box, query, why(query));
  const opener = searchOpener(ctx);
  return opener
    ? click(opener, `I don't see a search box, so I'll open the search to look for "${query}".`)
    : null;
}

/**
 * Best usable item that fits (`anyPrice`: is relevant, for browsers who will not buy) among those
 * the shopper has not looked at yet, or with `seen` among those it has (to go back to after
 * comparing).
 */
export function bestItem(ctx: Ctx, items: Item[], anyPrice = false, seen = false): Assessed | null {
  const usable = new Set(ctx.page.usable.map((e) => e.name));
  const visited = new Set(ctx.state.visited);
  visited.add(productKey(ctx.page.url));
  const open = assess(items, ctx.intent, ctx.style, ctx.rng).filter(
    (a) =>
      (anyPrice ? a.relevant : a.fits) &&
      usable.has(a.item.link.name) &&
      (!!a.item.product && visited.has(a.item.product)) === seen,
  );
  return open.sort((a, b) => b.score - a.score)[0] ?? null;
}

function whyChosen(a: Assessed, ctx: Ctx): string {
  const parts = [`"${short(a.item.title)}" looks like the ${wanted(ctx.intent)} I want`];
  if (a.item.price !== null)
    parts.push(
      ctx.intent.budget !== null
        ? `at ${money(a.item.price)} it fits my ${money(ctx.intent.budget)} budget`
        : `it costs ${money(a.item.price)}`,
    );
  if (a.brand) parts.push(`and it's ${a.brand}, a brand I like`);
  else if (a.item.rating !== null && a.item.rating >= 4) parts.push(`rated ${a.item.rating}`);
  return parts.join(', ') + ', so I will open it.';
}

/** Why nothing in this listing will do. */
function whyNothing(ctx: Ctx, items: Item[]): string {
  const all = assess(items, ctx.intent, ctx.style, ctx.rng);
  const budget = ctx.intent.budget;
  if (budget !== null && all.some((a) => a.relevant && a.overBudget) && !all.some((a) => a.fits))
    return `everything that matches is over my ${money(budget)} budget`;
  if (all.some((a) => a.relevant && a.fits)) return `I've already looked at the ones that match`;
  if (all.some((a) => a.relevant)) return `the matching ones are out of stock`;
  return `nothing here is a ${wanted(ctx.intent)}`;
}

/** On a listing: open the best fitting product, else page on, refine the search or leave. */
export function resultsPolicy(ctx: Ctx, items: Item[]): Decision {
  if (ctx.state.visited.length >= maxProductViews(ctx.style))
    return terminate(
      `I've already looked at ${ctx.state.visited.length} products and none was right, so I'll stop here.`,
    );
  const best = bestItem(ctx, items);
  if (best) return click(best.item.link, whyChosen(best, ctx));
  const compared = ctx.traits.compares ? bestItem(ctx, items, false, true) : null;
  if (compared)
    return click(
      compared.item.link,
      `Nothing else here beats "${short(compared.item.title)}", so I'll go back to it.`,
    );
  const reason = whyNothing(ctx, items);
  const next = ctx.page.nextPage();
  if (next && ctx.state.pagesSinceSearch < maxResultPages(ctx.style))
    return click(next, `None of these fit (${reason}), so I'll check the next page.`);
  const again = searchNext(ctx, (q) => `Nothing fits (${reason}), so I'll try searching "${q}".`);
  if (again) return again;
  const nav = explore(ctx);
  if (nav) return nav;
  const cap = reason.charAt(0).toUpperCase() + reason.slice(1);
  return terminate(`${cap}, so I'll leave without buying.`);
}

/**
 * Back to the search: the box, or the icon that opens it; without either, a search-dominant
 * shopper may give up (design.ts lostSearch). Null when the shopper looks elsewhere.
 */
function searchAgain(ctx: Ctx, reason: string): Decision | null {
  const box = ctx.page.searchBox();
  const query = ctx.state.queries[ctx.state.queries.length - 1] ?? ctx.intent.queries[0];
  if (box && query) return typeInto(box, query, `${reason}, so I'll go back to my search.`);
  const opener = box ? null : searchOpener(ctx);
  if (opener) return click(opener, `${reason}, so I'll open the search and look again.`);
  return query ? lostSearch(ctx, reason) : null;
}

/**
 * Another product: a related one from this page, or back to the search (search-dominant shoppers,
 * ctx.traits.searchFirst, try the search first). Null when neither is there.
 */
function lookElsewhere(ctx: Ctx, reason: string, anyPrice = false): Decision | null {
  const related = bestItem(ctx, ctx.page.items(), anyPrice);
  const toRelated = (): Decision | null =>
    related
      ? click(related.item.link, `${reason}; "${short(related.item.title)}" might suit me better.`)
      : null;
  const search = () => searchAgain(ctx, reason);
  return ctx.traits.searchFirst ? (search() ?? toRelated()) : (toRelated() ?? search());
}

/** Products looked at so far, this one included. */
const productViews = (ctx: Ctx): number =>
  new Set([...ctx.state.visited, productKey(ctx.page.url)]).size;

/**
 * A product that fits, but this shopper compares first: one more product before buying. Once they
 * have looked elsewhere (another product, or a search that found nothing better), they decide.
 */
export function compareFirst(ctx: Ctx, title: string): Decision | null {
  if (!ctx.traits.compares || productViews(ctx) > 1 || ctx.state.leftProduct) return null;
  return lookElsewhere(ctx, `${title} could do, but I want to compare it with another option`);
}

/**
 * Leaves a product that will not do: another product (lookElsewhere), back to the results, or
 * give up.
 */
export function leaveProduct(ctx: Ctx, reason: string, anyPrice = false): Decision {
  const views = productViews(ctx);
  if (views >= maxProductViews(ctx.style))
    return terminate(`${reason}, and after ${views} products I'm out of patience, so I'll stop.`);
  const onward = lookElsewhere(ctx, reason, anyPrice);
  if (onward) return onward;
  const back = ctx.page.find(
    (e) => e.kind === 'link' && /\b(back|results|continue shopping)\b/i.test(e.text),
  );
  if (back) return click(back, `${reason}, so I'll go back.`);
  const nav = explore(ctx);
  if (nav) return { ...nav, rationale: `${reason}; ${lowerFirst(nav.rationale)}` };
  return terminate(`${reason}, and I see no way to look further, so I'll leave.`);
}
