/**
 * Finding the way when no search box is in sight: the magnifier icon that opens the search, a
 * category link that names the wanted product, or the menu that holds the categories.
 */
import type { ObservedElement } from '../../observe/observation.js';
import { click, wanted, type Ctx, type Decision } from './context.js';
import { describe, isCartLink, isCheckout, isProductLink, lastSegment } from './controls.js';
import { clickedHere, failedHere } from './state.js';
import { stem, tokenize } from './text.js';

const CLICKABLE = new Set(['link', 'button', 'clickable']);
const MENU_TEXT =
  /^(shop|menu|categories|all categories|browse|departments|products|shop all|all products|catalog(ue)?|collections)$/i;
const MENU_NAME = /(^|[._])(menu|hamburger|nav_toggle|menu_toggle|categories)([._]|$)/i;

function untried(ctx: Ctx): (el: ObservedElement) => boolean {
  const done = new Set([
    ...clickedHere(ctx.state, ctx.page.url),
    ...failedHere(ctx.state, ctx.page.url),
  ]);
  return (el) => CLICKABLE.has(el.kind) && !done.has(el.name);
}

/**
 * A button or link that opens the site search (a magnifier icon with a "Search" label). One that
 * opened it before on this page does again; only one that failed or did nothing is skipped.
 */
export function searchOpener(ctx: Ctx): ObservedElement | null {
  const failed = failedHere(ctx.state, ctx.page.url);
  return ctx.page.find(
    (el) =>
      CLICKABLE.has(el.kind) &&
      !failed.has(el.name) &&
      !el.href?.includes('?') &&
      /\bsearch\b/i.test(`${el.text} ${lastSegment(el.name).replace(/_/g, ' ')}`) &&
      !/\b(close|clear|cancel|popular|recent)\b/i.test(describe(el)),
  );
}

/** How many of the wanted product's words a link names; 0 unless it names the head word. */
function categoryScore(ctx: Ctx, el: ObservedElement): number {
  const words = new Set(tokenize(el.text).map(stem));
  if (!ctx.intent.head || !words.has(ctx.intent.head)) return 0;
  const phrase = tokenize(ctx.intent.queries[0] ?? '').map(stem);
  return phrase.filter((w) => words.has(w)).length - words.size * 0.01;
}

/** Opens the category that names the product, else the menu that may list it. */
export function explore(ctx: Ctx): Decision | null {
  const fresh = untried(ctx);
  const inItems = ctx.page.itemMemberNames();
  const links = ctx.page.usable
    .filter(
      (el) =>
        fresh(el) &&
        el.kind === 'link' &&
        !inItems.has(el.name) &&
        !isProductLink(el) &&
        !isCartLink(el) &&
        !isCheckout(el),
    )
    .map((el) => ({ el, score: categoryScore(ctx, el) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = links[0]?.el;
  if (best) return click(best, `"${best.text}" sounds like where ${wanted(ctx.intent)} would be.`);
  const menu = ctx.page.find(
    (el) =>
      fresh(el) &&
      el.kind !== 'link' &&
      (MENU_TEXT.test(el.text.trim()) || MENU_NAME.test(el.name)),
  );
  if (menu)
    return click(
      menu,
      `I don't see ${wanted(ctx.intent)} here, so I'll open the "${menu.text || 'menu'}" menu to look through the categories.`,
    );
  return null;
}
