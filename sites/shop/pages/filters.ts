import type { Facet } from '../search/engine.js';
import { searchUrl, type SearchQuery } from '../search/query.js';
import type { Variant } from '../state/variant.js';
import { html, idPart, type Html } from './html.js';

/** Variant b shows only this many brands (the ones with most matches) in the brand filter. */
export const TOP_BRANDS_IN_B = 5;

/** `name` is the accessible name: the visible label's prices would be dropped from names. */
const PRICE_BUCKETS: { label: string; name: string; min: number | null; max: number | null }[] = [
  { label: 'Under $25', name: 'Under 25 dollars', min: null, max: 25 },
  { label: '$25 to $50', name: '25 to 50 dollars', min: 25, max: 50 },
  { label: '$50 to $100', name: '50 to 100 dollars', min: 50, max: 100 },
  { label: '$100 to $200', name: '100 to 200 dollars', min: 100, max: 200 },
  { label: '$200 & above', name: '200 dollars and above', min: 200, max: null },
];

/**
 * aside#filters > form#filter_form (GET): fieldset#brand_filter (checkboxes name=brand,
 * id brand_<slug>), fieldset#price_filter (a.price-bucket links in variant a, inputs #min_price
 * #max_price), fieldset#rating_filter (radios #rating_4, #rating_3, #rating_2, #rating_any),
 * button#apply_filters, a#clear_filters. The page script submits the form when a box changes.
 */
export function filters(
  query: SearchQuery,
  brands: Facet[],
  action: string,
  variant: Variant,
): Html {
  let shown = brands;
  if (variant === 'b') {
    shown = brands.slice(0, TOP_BRANDS_IN_B);
    for (const slug of query.brands) {
      const chosen = brands.find((b) => b.slug === slug);
      if (chosen && !shown.includes(chosen)) shown = [...shown, chosen];
    }
  }
  const active =
    query.brands.length > 0 ||
    query.minPrice !== null ||
    query.maxPrice !== null ||
    query.minRating !== null;
  const onCategoryPage = action.startsWith('/category/');
  return html`<aside id="filters" aria-label="Filters">
    <h2>Filters</h2>
    <form id="filter_form" method="get" action="${action}">
      ${query.q ? html`<input type="hidden" name="q" value="${query.q}" />` : null}
      ${query.category && !onCategoryPage ? html`<input type="hidden" name="category" value="${query.category}" />` : null}
      ${query.sort !== 'relevance' ? html`<input type="hidden" name="sort" value="${query.sort}" />` : null}
      <fieldset id="brand_filter">
        <legend>Brand</legend>
        <ul>
          ${shown.map(
            (b) =>
              html`<li>
                <input
                  type="checkbox"
                  name="brand"
                  value="${b.slug}"
                  id="brand_${idPart(b.slug)}"
                  ${query.brands.includes(b.slug) ? html` checked` : null}
                />
                <label for="brand_${idPart(b.slug)}"
                  >${b.name} <span class="count">(${b.count})</span></label
                >
              </li>`,
          )}
        </ul>
      </fieldset>
      <fieldset id="price_filter">
        <legend>Price</legend>
        ${
          variant === 'a'
            ? html`<ul class="price-buckets">
                ${PRICE_BUCKETS.map((p) => html`<li><a class="price-bucket" aria-label="${p.name}" href="${searchUrl(query, { minPrice: p.min, maxPrice: p.max, page: 1 })}">${p.label}</a></li>`)}
              </ul>`
            : null
        }
        <div class="price-range">
          <label for="min_price">Min $</label>
          <input
            id="min_price"
            name="min"
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            value="${query.minPrice ?? ''}"
          />
          <label for="max_price">Max $</label>
          <input
            id="max_price"
            name="max"
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            value="${query.maxPrice ?? ''}"
          />
        </div>
      </fieldset>
      <fieldset id="rating_filter">
        <legend>Customer rating</legend>
        <ul>
          ${[4, 3, 2].map((r) => html`<li><input type="radio" name="rating" value="${r}" id="rating_${r}" ${query.minRating === r ? html` checked` : null} /> <label for="rating_${r}">${r} stars &amp; up</label></li>`)}
          <li>
            <input
              type="radio"
              name="rating"
              value=""
              id="rating_any"
              ${query.minRating === null ? html` checked` : null}
            />
            <label for="rating_any">Any rating</label>
          </li>
        </ul>
      </fieldset>
      <button type="submit" id="apply_filters">Apply filters</button>
      ${active ? html`<a id="clear_filters" href="${searchUrl(query, { brands: [], minPrice: null, maxPrice: null, minRating: null, page: 1 })}">Clear all filters</a>` : null}
    </form>
  </aside>`;
}
