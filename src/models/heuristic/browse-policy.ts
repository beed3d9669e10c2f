import { productKey } from './controls.js';
import { click, terminate, short, type Ctx, type Decision } from './context.js';
import { mainProduct } from './items.js';
import { reviewStep } from './product-policy.js';
import { browseViews } from './score.js';
import { bestItem, leaveProduct, searchNext } from './search-policy.js';

/** Browse-only shoppers look at a few products, maybe read reviews, and leave without buying. */
export function browsePolicy(ctx: Ctx): Decision {
  const { page, state } = ctx;
  const onProduct = page.isProductPage();
  const views = new Set([...state.visited, ...(onProduct ? [productKey(page.url)] : [])]).size;
  const enough = views >= browseViews(ctx.style);
  const done = (): Decision =>
    terminate(
      `I've looked at ${views} product${views === 1 ? '' : 's'}, that's enough browsing for today; I'm not buying now.`,
    );
  if (onProduct) {
    const info = mainProduct(page);
    const reviews = reviewStep(ctx, info);
    if (reviews) return reviews;
    if (enough) return done();
    return leaveProduct(ctx, `I've seen ${short(info.title)}`, true);
  }
  if (enough) return done();
  if (!state.queries.length) {
    const search = searchNext(
      ctx,
      (q) => `I'm just browsing; I'll search for "${q}" to see what's there.`,
    );
    if (search) return search;
  }
  const best = bestItem(ctx, page.items(), true);
  if (best)
    return click(
      best.item.link,
      `"${short(best.item.title)}" catches my eye, so I'll take a look.`,
    );
  const again = searchNext(ctx, (q) => `Nothing here interests me, so I'll look for "${q}".`);
  if (again) return again;
  return terminate(`Nothing here interests me, so I'll leave.`);
}
