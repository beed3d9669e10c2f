import type { Product, Review } from '../catalog/types.js';
import type { Variant } from '../state/variant.js';
import { formatCount, formatDate, stars } from './format.js';
import { html, type Html } from './html.js';

export const REVIEWS_PER_PAGE = 10;

export interface ReviewView {
  reviews: Review[];
  page: number;
  /** Variant b hides the list until "Show reviews"; ?reviews=open renders it open. */
  open: boolean;
}

/**
 * section#reviews > h2#reviews_heading, div.review-summary, (variant b) form#show_reviews_form
 * with button#show_reviews[aria-expanded], div#review_list_container > ol#review_list of
 * article.review, nav#review_pagination with a#reviews_prev / a#reviews_next.
 */
export function reviewsSection(product: Product, variant: Variant, view: ReviewView): Html {
  const collapsible = variant === 'b';
  const hidden = collapsible && !view.open;
  return html`<section
    id="reviews"
    data-reviews-url="/product/${product.id}/reviews"
    data-collapsible="${String(collapsible)}"
  >
    <h2 id="reviews_heading">Customer reviews</h2>
    ${summary(product, view.reviews)}
    ${
      collapsible
        ? html`<form id="show_reviews_form" method="get" action="/product/${product.id}#reviews">
            <input type="hidden" name="reviews" value="${view.open ? 'closed' : 'open'}" />
            <button
              type="submit"
              id="show_reviews"
              aria-expanded="${String(!hidden)}"
              aria-controls="review_list_container"
              data-count="${view.reviews.length}"
            >
              ${hidden ? `Show reviews (${view.reviews.length})` : 'Hide reviews'}
            </button>
          </form>`
        : null
    }
    <div id="review_list_container" ${hidden ? html` hidden` : null}>
      ${reviewList(product, variant, view)}
    </div>
  </section>`;
}

/** The list and its paging links; also served alone to the page script (variant b). */
export function reviewList(product: Product, variant: Variant, view: ReviewView): Html {
  const pageCount = Math.max(1, Math.ceil(view.reviews.length / REVIEWS_PER_PAGE));
  const page = Math.min(Math.max(1, view.page), pageCount);
  const start = (page - 1) * REVIEWS_PER_PAGE;
  const shown = view.reviews.slice(start, start + REVIEWS_PER_PAGE);
  const link = (n: number) =>
    `/product/${product.id}?reviews_page=${n}${variant === 'b' ? '&reviews=open' : ''}#reviews`;
  if (!shown.length) return html`<p id="no_reviews">No written reviews yet.</p>`;
  return html`<ol id="review_list" data-page="${page}">
      ${shown.map(
        (r) =>
          html`<li>
            <article class="review" data-review-id="${r.id}">
              <p class="reviewer">${r.author}</p>
              <p class="review-head">
                ${stars(r.rating)} <strong class="review-title">${r.title}</strong>
              </p>
              <p class="review-meta">
                Reviewed on
                <time datetime="${r.date}">${formatDate(r.date)}</time
                >${r.verified ? ' · Verified Purchase' : ''}${r.bought ? ` · ${r.bought}` : ''}
              </p>
              <p class="review-body">${r.body}</p>
              ${r.helpful ? html`<p class="helpful">${r.helpful === 1 ? 'One person' : `${r.helpful} people`} found this helpful</p>` : null}
            </article>
          </li>`,
      )}
    </ol>
    <nav id="review_pagination" aria-label="Review pages">
      <p>Reviews ${start + 1}-${start + shown.length} of ${view.reviews.length}</p>
      ${page > 1 ? html`<a id="reviews_prev" class="review-page-link" href="${link(page - 1)}" data-page="${page - 1}">Previous reviews</a>` : null}
      ${page < pageCount ? html`<a id="reviews_next" class="review-page-link" href="${link(page + 1)}" data-page="${page + 1}">Next reviews</a>` : null}
    </nav>`;
}

function summary(product: Product, reviews: Review[]): Html {
  const counts = [5, 4, 3, 2, 1].map((s) => reviews.filter((r) => r.rating === s).length);
  const total = Math.max(1, reviews.length);
  return html`<div class="review-summary">
    <p class="average">
      ${stars(product.rating)} <strong>${product.rating.toFixed(1)} out of 5</strong>
    </p>
    <p>${formatCount(product.ratingCount)} global ratings</p>
    <ul class="histogram">
      ${counts.map((c, i) => {
        const pct = Math.round((c / total) * 100);
        return html`<li>
          <span>${5 - i} star</span><span class="bar"><span style="width:${pct}%"></span></span
          ><span>${pct}%</span>
        </li>`;
      })}
    </ul>
  </div>`;
}
