import type { Category } from '../catalog/types.js';
import type { SearchResult } from '../search/engine.js';
import { searchUrl, SORT_LABELS, SORTS, type SearchQuery } from '../search/query.js';
import { productCard } from './card.js';
import type { PageContext } from './context.js';
import { filters } from './filters.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';

/**
 * Search results and category pages share this markup:
 * aside#filters, section#results > h1#results_heading, p#result_count, nav#sort_options
 * (a.sort-option links, aria-current on the active one), ol#search_results of product cards,
 * nav#pagination (a#page_prev, a.page-link, a#page_next).
 */
export function resultsPage(
  ctx: PageContext,
  query: SearchQuery,
  result: SearchResult,
  category: Category | null,
): Html {
  const onCategoryPage = category !== null && query.q === '';
  const action = onCategoryPage ? `/category/${category.slug}` : '/search';
  const heading = query.q
    ? html`Results for “${query.q}”${category ? html` in ${category.name}` : null}`
    : category
      ? category.name
      : 'All products';
  const first = (result.page - 1) * result.perPage + 1;
  const last = first + result.items.length - 1;
  const body = html`<div class="results-layout">
    ${filters(query, result.brands, action, ctx.variant)}
    <section id="results">
      <h1 id="results_heading">${heading}</h1>
      ${onCategoryPage ? html`<p class="category-blurb">${category.blurb}</p>` : null}
      <p id="result_count">
        ${result.total ? `${first}-${last} of ${result.total} results` : 'No results'}
      </p>
      <nav id="sort_options" aria-label="Sort by">
        <span>Sort by:</span>
        <ul>
          ${SORTS.map((s) => html`<li><a class="sort-option" href="${searchUrl(query, { sort: s, page: 1 })}" ${s === query.sort ? html` aria-current="true"` : null}>${SORT_LABELS[s]}</a></li>`)}
        </ul>
      </nav>
      ${
        result.items.length
          ? html`<ol id="search_results" class="product-grid">
              ${result.items.map((p) => productCard(p, ctx.path))}
            </ol>`
          : html`<p id="no_results">
              No products match${query.q ? html` “${query.q}”` : null} with these filters. Try other
              words, or <a href="/">browse the categories</a>.
            </p>`
      }
      ${pagination(query, result)}
    </section>
  </div>`;
  const title = query.q ? `Results for "${query.q}"` : (category?.name ?? 'All products');
  return layout(ctx, { title, page: onCategoryPage ? 'category' : 'search', body });
}

function pagination(query: SearchQuery, result: SearchResult): Html | null {
  if (result.pageCount <= 1) return null;
  const pages: number[] = [];
  for (let n = 1; n <= result.pageCount; n++) {
    if (n === 1 || n === result.pageCount || Math.abs(n - result.page) <= 2) pages.push(n);
  }
  const link = (n: number) => searchUrl(query, { page: n });
  return html`<nav id="pagination" aria-label="Pagination">
    <ul>
      ${result.page > 1 ? html`<li><a id="page_prev" rel="prev" href="${link(result.page - 1)}">Previous</a></li>` : null}
      ${pages.map(
        (n, i) =>
          html`${i > 0 && n - pages[i - 1]! > 1 ? html`<li class="gap">…</li>` : null}
            <li>
              ${n === result.page ? html`<span class="page-link current" aria-current="page">${n}</span>` : html`<a class="page-link" href="${link(n)}">${n}</a>`}
            </li>`,
      )}
      ${result.page < result.pageCount ? html`<li><a id="page_next" rel="next" href="${link(result.page + 1)}">Next</a></li>` : null}
    </ul>
  </nav>`;
}
