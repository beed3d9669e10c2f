import { click, terminate, wanted, type Ctx, type Decision } from './context.js';
import { browsePolicy } from './browse-policy.js';
import { funnelPolicy } from './funnel-policy.js';
import { productPolicy } from './product-policy.js';
import { patienceSteps } from './score.js';
import { resultsPolicy, searchNext } from './search-policy.js';
import { stems } from './text.js';

/**
 * The heuristic shopper's rules, in priority order:
 * order confirmed -> leave; browse-only -> browse rules; out of patience -> leave;
 * item in cart -> cart, checkout, place order; product page -> fit, budget, reviews, options, buy;
 * nothing searched yet -> search; listing -> open the best fit or refine; else a matching link or leave.
 */
export function decideStep(ctx: Ctx): Decision {
  const { page, state, intent } = ctx;
  if (page.isConfirmation()) return terminate(`My order is placed, so I'm done here.`);
  if (intent.goal === 'browse') return browsePolicy(ctx);
  const limit = patienceSteps(ctx.style) + (state.addedToCart ? 10 : 0);
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
  const words = intent.head ? new Set([intent.head]) : new Set<string>();
  const category = page.find(
    (e) => e.kind === 'link' && [...stems(e.text)].some((w) => words.has(w)),
  );
  if (category)
    return click(category, `"${category.text}" sounds like where ${wanted(intent)} would be.`);
  return terminate(`I can't find ${wanted(intent)} on this site, so I'll leave.`);
}
