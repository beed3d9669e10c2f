/** The product page's reviews: summary, the newest five, and "Show more reviews". */
import type { ReviewJson, ReviewPageJson } from '../../types.js';
import { getJson } from '../api.js';
import { $, html, on, type Html } from '../dom.js';
import { stars } from './card.js';

function review(r: ReviewJson): Html {
  const date = new Date(r.date + 'T00:00:00Z').toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return html`<article class="flex flex-col gap-2 py-6">
    <div class="flex items-center gap-3">
      ${stars(r.rating, null)}
      <h3 class="text-sm font-semibold">${r.title}</h3>
    </div>
    <p class="text-xs text-neutral-500">
      ${r.author} ·
      ${date}${r.verified ? ' · Verified buyer' : ''}${r.bought ? ` · ${r.bought}` : ''}
    </p>
    <p class="text-sm text-neutral-700">${r.body}</p>
  </article>`;
}

export function reviewsSection(page: ReviewPageJson, rating: number, ratingCount: number): Html {
  return html`<section
    id="reviews"
    aria-labelledby="reviews-heading"
    class="mt-16 border-t border-neutral-200 pt-10"
  >
    <h2 id="reviews-heading" class="text-2xl font-semibold tracking-tight">Customer reviews</h2>
    <div class="mt-3 flex items-center gap-3">
      ${stars(rating, null)}
      <p class="text-sm text-neutral-600">
        ${rating.toFixed(1)} out of 5 · based on ${ratingCount.toLocaleString('en-US')} ratings
      </p>
    </div>
    <div class="mt-4 divide-y divide-neutral-200" data-reviews>
      ${page.reviews.length ? page.reviews.map(review) : html`<p class="py-6 text-sm text-neutral-600">No written reviews yet.</p>`}
    </div>
    ${
      page.page < page.pageCount
        ? html`<button
            type="button"
            data-more-reviews
            class="mt-4 h-11 rounded-full border border-neutral-300 px-6 text-sm font-semibold hover:bg-neutral-50"
          >
            Show more reviews
          </button>`
        : null
    }
  </section>`;
}

export function bindReviews(main: HTMLElement, handle: string, first: ReviewPageJson): void {
  const more = main.querySelector<HTMLButtonElement>('[data-more-reviews]');
  if (!more) return;
  let page = first.page;
  on(more, 'click', () => {
    more.disabled = true;
    void getJson<ReviewPageJson>(`/api/product/${handle}/reviews?page=${page + 1}`).then(
      (answer) => {
        more.disabled = false;
        if (!answer.ok) return;
        page = answer.data.page;
        $(main, '[data-reviews]').insertAdjacentHTML(
          'beforeend',
          answer.data.reviews.map((r) => review(r).value).join(''),
        );
        if (page >= answer.data.pageCount) more.remove();
      },
    );
  });
}
