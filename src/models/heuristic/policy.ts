import { terminate, wanted, type Ctx, type Decision } from './context.js';
import { browsePolicy } from './browse-policy.js';
import { funnelPolicy } from './funnel-policy.js';
import { productPolicy } from './product-policy.js';
import { patienceSteps } from './score.js';
import { resultsPolicy, searchNext } from './search-policy.js';
import { explore } from './nav-policy.js';
import { overlayPolicy } from './overlay-policy.js';

/**
 * The heuristic shopper's rules, in priority order:
 * order confirmed -> leave; browse-only -> browse rules; out of patience -> leave;
 * item in cart -> cart, checkout, place order; product page -> fit, budget, reviews, options, buy;
 * nothing searched yet -> search; listing -> open the best fit or refine; else a matching link or leave.
 */
export function decideStep(ctx: Ctx): Decision {
  const { page, state, intent } = ctx;
  if (page.isConfirmation()) return terminate(`My order is placed, so I'm done here.`);
  const overlay = overlayPolicy(ctx);
  if (overlay) return overlay;
  if (intent.goal === 'browse') return browsePolicy(ctx);
  // Typing checkout details and clearing the way are not lost patience: they earn their step back.
  const typed = [...state.typed.values()].reduce((a, b) => a + b, 0);
  const limit = patienceSteps(ctx.style) + (state.addedToCart ? 10 : 0) + typed + state.chores;
  if (state.steps >= limit)
    return terminate(`I've spent ${state.steps} steps on this without finishing, so I'll give up.`);

  const funnel = funnelPolicy(ctx);
  if (funnel) return funnel;
  if (page.isProductPage()) return productPolicy(ctx);
  if (!state.queries.length) {
    const search = searchNext(ctx, (q) => `To find what I came for, I'll search for "${q}".`);
    if (search) return search;
  }
  const items = page.items();
  if (items.length) return resultsPolicy(ctx, items);
  const again = searchNext(ctx, (q) => `I don't see what I want here, so I'll search for "${q}".`);
  if (again) return again;
  const nav = explore(ctx);
  if (nav) return nav;
  return terminate(`I can't find ${wanted(intent)} on this site, so I'll leave.`);
}
