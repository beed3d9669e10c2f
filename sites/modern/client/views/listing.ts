/** Home, collection and search pages: rendered from /api/products after the shell loads. */
import type { CardJson, ListingJson } from '../../types.js';
import { getJson } from '../api.js';
import { $, html, on, setHtml, type Html } from '../dom.js';
import { createDropdown } from '../dropdown.js';
import { navigate } from '../router.js';
import { bindCards, card } from './card.js';

const SORTS = [
  { value: 'featured', label: 'Featured' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Top rated' },
];

export class NotFound extends Error {}

function grid(items: CardJson[]): Html {
  return html`<div
    class="grid grid-cols-2 gap-x-6 gap-y-10 md:grid-cols-3 lg:grid-cols-4"
    data-grid
  >
    ${items.map(card)}
  </div>`;
}

async function fetchListing(params: URLSearchParams): Promise<ListingJson> {
  const answer = await getJson<ListingJson & { error?: string }>(`/api/products?${params}`);
  if (answer.status === 404) throw new NotFound(answer.data.error ?? 'Not found.');
  if (!answer.ok) throw new Error(answer.data.error ?? 'The products could not be loaded.');
  return answer.data;
}

export async function renderHome(main: HTMLElement): Promise<string> {
  const listing = await fetchListing(new URLSearchParams({ sort: 'rating', limit: '8' }));
  setHtml(
    main,
    html`<section class="relative overflow-hidden rounded-2xl bg-neutral-900 px-8 py-16 text-white">
        <p class="text-sm font-medium uppercase tracking-widest text-neutral-300">Spring edit</p>
        <h1 class="mt-2 max-w-xl text-4xl font-semibold tracking-tight">
          Everyday gear, thoughtfully chosen
        </h1>
        <p class="mt-4 max-w-lg text-neutral-300">
          Shoes, layers, sound and kitchen favourites, with free standard shipping from $35.
        </p>
        <a
          href="/collections/shoes"
          class="mt-8 inline-flex h-11 items-center rounded-full bg-white px-6 text-sm font-semibold text-neutral-900"
          >Shop new arrivals</a
        >
      </section>
      <section class="mt-14">
        <div class="flex items-end justify-between">
          <h2 class="text-2xl font-semibold tracking-tight">Trending now</h2>
          <a
            href="/collections/clothing"
            class="text-sm font-medium underline-offset-4 hover:underline"
            >View all</a
          >
        </div>
        <div class="mt-6">${grid(listing.items)}</div>
      </section>`,
  );
  bindCards(main, listing.items);
  return 'Everyday gear, thoughtfully chosen';
}

/** A collection (/collections/<slug>) or search results (/search?q=). */
export async function renderListing(
  main: HTMLElement,
  url: URL,
  slug: string | null,
): Promise<string> {
  const q = (url.searchParams.get('q') ?? '').trim();
  const params = new URLSearchParams();
  if (slug) params.set('category', slug);
  if (!slug) params.set('q', q);
  for (const name of ['type', 'sort']) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value);
  }
  if (!slug && !q) {
    setHtml(
      main,
      html`<h1 class="text-3xl font-semibold tracking-tight">Search</h1>
        <p class="mt-2 text-neutral-600">Use the search icon at the top to find products.</p>`,
    );
    return 'Search';
  }
  const listing = await fetchListing(params);
  const items = [...listing.items];
  const title = listing.category ? listing.category.name : `Results for “${q}”`;
  const count = (shown: number) => `Showing ${shown} of ${listing.total} products`;
  setHtml(
    main,
    html`<nav aria-label="Breadcrumb" class="text-sm text-neutral-500">
        <ol role="list" class="flex gap-2">
          <li><a href="/" class="hover:underline">Home</a></li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">${listing.category ? listing.category.name : 'Search'}</li>
        </ol>
      </nav>
      <div
        class="mt-4 flex flex-wrap items-end justify-between gap-4 border-b border-neutral-200 pb-6"
      >
        <div>
          <h1 class="text-3xl font-semibold tracking-tight">${title}</h1>
          ${listing.category ? html`<p class="mt-2 text-neutral-600">${listing.category.blurb}</p>` : null}
          <p class="mt-2 text-sm text-neutral-500" data-count>${count(items.length)}</p>
        </div>
        <div class="w-56" data-sort></div>
      </div>
      <div class="mt-8">
        ${
          items.length
            ? grid(items)
            : html`<p class="py-16 text-center text-neutral-600">
                No products match “${q}”. Try a shorter or different search.
              </p>`
        }
      </div>
      <div class="mt-10 flex justify-center" data-more>
        ${listing.page < listing.pageCount ? html`<button type="button" class="h-11 rounded-full border border-neutral-300 px-6 text-sm font-semibold hover:bg-neutral-50">Load more products</button>` : null}
      </div>`,
  );
  bindCards(main, items);
  createDropdown($(main, '[data-sort]'), {
    label: 'Sort by',
    placeholder: 'Featured',
    value: url.searchParams.get('sort') ?? 'featured',
    options: SORTS.map((s) => ({ ...s, note: '', disabled: false })),
    onChange(value) {
      const next = new URL(url.href);
      next.searchParams.set('sort', value);
      navigate(next.pathname + next.search, { replace: true });
    },
  });
  let page = listing.page;
  const more = main.querySelector<HTMLButtonElement>('[data-more] button');
  if (more) {
    on(more, 'click', () => {
      more.disabled = true;
      params.set('page', String(page + 1));
      void fetchListing(params).then((next) => {
        page = next.page;
        items.push(...next.items);
        $(main, '[data-grid]').insertAdjacentHTML(
          'beforeend',
          next.items.map((i) => card(i).value).join(''),
        );
        bindCards(main, items);
        $(main, '[data-count]').textContent = count(items.length);
        more.disabled = false;
        if (page >= next.pageCount) more.remove();
      });
    });
  }
  return title;
}
