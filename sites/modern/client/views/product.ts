/** The product page: gallery, custom option dropdowns, quantity, add to cart, details, reviews. */
import type { ProductJson } from '../../types.js';
import { getJson } from '../api.js';
import { addToCart } from '../cart-store.js';
import { $, html, on, raw, setHtml, useId } from '../dom.js';
import { openCartDrawer } from '../drawer.js';
import { createDropdown, type Dropdown } from '../dropdown.js';
import { formatMoney } from '../format.js';
import { ICONS } from '../icons.js';
import { priceTag, stars } from './card.js';
import { NotFound } from './listing.js';
import { bindReviews, reviewsSection } from './reviews.js';

const MAX_QUANTITY = 10;

export async function renderProduct(main: HTMLElement, handle: string): Promise<string> {
  const answer = await getJson<ProductJson & { error?: string }>(`/api/product/${handle}`);
  if (answer.status === 404) throw new NotFound(answer.data.error ?? 'Not found.');
  if (!answer.ok) throw new Error(answer.data.error ?? 'The product could not be loaded.');
  const p = answer.data;
  const quantityId = useId();
  const detailsId = useId('radix-');
  setHtml(
    main,
    html`<nav aria-label="Breadcrumb" class="text-sm text-neutral-500">
        <ol role="list" class="flex flex-wrap gap-2">
          <li><a href="/" class="hover:underline">Home</a></li>
          <li aria-hidden="true">/</li>
          <li>
            <a href="/collections/${p.category.slug}" class="hover:underline">${p.category.name}</a>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" class="text-neutral-900">${p.title}</li>
        </ol>
      </nav>
      <div class="mt-6 grid gap-10 md:grid-cols-2">
        <div class="overflow-hidden rounded-2xl bg-neutral-100">
          <img
            src="${p.image}"
            alt="${p.title}"
            class="aspect-square w-full object-cover"
            data-main-image
          />
        </div>
        <div class="flex flex-col gap-5">
          <div>
            <p class="text-sm font-medium text-neutral-500">${p.brand}</p>
            <h1 class="mt-1 text-3xl font-semibold tracking-tight">${p.title}</h1>
            <a
              href="#reviews"
              class="mt-2 inline-flex items-center gap-2 text-sm text-neutral-600 hover:underline"
            >
              ${stars(p.rating, null)}<span>${p.ratingCount.toLocaleString('en-US')} reviews</span>
            </a>
          </div>
          <div data-price>${priceTag(p, true)}</div>
          <div class="grid gap-4 sm:grid-cols-2">
            ${p.optionGroups.map(() => html`<div data-option-group></div>`)}
          </div>
          <div class="flex flex-col gap-1.5">
            <label for="${quantityId}" class="text-sm font-medium">Quantity</label>
            <div class="inline-flex w-fit items-center rounded-lg border border-neutral-300">
              <button
                type="button"
                data-step="-1"
                class="inline-flex size-11 items-center justify-center"
              >
                ${raw(ICONS.minus)}<span class="sr-only">Decrease quantity</span>
              </button>
              <input
                id="${quantityId}"
                type="number"
                inputmode="numeric"
                min="1"
                max="${MAX_QUANTITY}"
                value="1"
                class="h-11 w-14 border-x border-neutral-300 text-center text-sm tabular-nums"
              />
              <button
                type="button"
                data-step="1"
                class="inline-flex size-11 items-center justify-center"
              >
                ${raw(ICONS.plus)}<span class="sr-only">Increase quantity</span>
              </button>
            </div>
          </div>
          <p role="alert" class="text-sm text-red-600" data-error></p>
          <button
            type="button"
            data-add
            class="inline-flex h-12 w-full items-center justify-center rounded-full bg-neutral-900 text-sm font-semibold text-white hover:bg-neutral-700 disabled:bg-neutral-300"
            ${p.available ? null : raw('disabled')}
          >
            ${p.available ? 'Add to cart' : 'Sold out'}
          </button>
          <p class="text-sm text-neutral-600">
            Free standard shipping on orders over $35. Free 30-day returns.
          </p>
          <div class="border-t border-neutral-200 pt-4">
            <h2 class="text-sm font-semibold" id="${detailsId}">Details</h2>
            <p class="mt-2 text-sm text-neutral-700">${p.description}</p>
            <ul
              role="list"
              class="mt-3 list-disc space-y-1 pl-5 text-sm text-neutral-700"
              aria-labelledby="${detailsId}"
            >
              ${p.features.map((f) => html`<li>${f}</li>`)}
            </ul>
          </div>
        </div>
      </div>
      ${reviewsSection(p.reviews, p.rating, p.ratingCount)}`,
  );
  bindBuyBox(main, p);
  bindReviews(main, p.handle, p.reviews);
  return p.title;
}

function bindBuyBox(main: HTMLElement, p: ProductJson): void {
  const selection: Record<string, string> = {};
  const image = $<HTMLImageElement>(main, '[data-main-image]');
  const price = $(main, '[data-price]');
  const error = $(main, '[data-error]');
  const updatePrice = () => {
    let delta = 0;
    for (const group of p.optionGroups) {
      delta += group.options.find((o) => o.slug === selection[group.key])?.priceDelta ?? 0;
    }
    const cents = p.price.cents + delta;
    const formatted = formatMoney(cents);
    setHtml(
      price,
      priceTag({ price: { cents, formatted }, compareAt: delta ? null : p.compareAt }, true),
    );
  };
  const dropdowns: [string, Dropdown][] = [];
  const slots = main.querySelectorAll<HTMLElement>('[data-option-group]');
  p.optionGroups.forEach((group, i) => {
    const only =
      group.options.length === 1 && group.options[0]!.available ? group.options[0]! : null;
    if (only) selection[group.key] = only.slug;
    const dropdown = createDropdown(slots[i]!, {
      label: group.name,
      placeholder: `Select ${group.name.toLowerCase()}`,
      value: only?.slug ?? null,
      options: group.options.map((o) => ({
        value: o.slug,
        label: o.value,
        note: o.available ? o.priceNote : 'Sold out',
        disabled: !o.available,
      })),
      onChange(value) {
        selection[group.key] = value;
        dropdown.setError(null);
        error.textContent = '';
        if (group.isColor) image.src = `${p.image}?color=${encodeURIComponent(value)}`;
        updatePrice();
      },
    });
    dropdowns.push([group.key, dropdown]);
  });
  const quantity = $<HTMLInputElement>(main, 'input[type=number]');
  for (const step of main.querySelectorAll<HTMLElement>('[data-step]')) {
    on(step, 'click', () => {
      const next = (Number(quantity.value) || 1) + Number(step.dataset.step);
      quantity.value = String(Math.min(MAX_QUANTITY, Math.max(1, next)));
    });
  }
  const add = $<HTMLButtonElement>(main, '[data-add]');
  on(add, 'click', () => {
    const missing = p.optionGroups.filter((g) => !selection[g.key]);
    for (const [key, dropdown] of dropdowns) {
      const group = p.optionGroups.find((g) => g.key === key)!;
      dropdown.setError(missing.includes(group) ? `Select a ${group.name.toLowerCase()}` : null);
    }
    if (missing.length) {
      error.textContent = `Please select ${missing.map((g) => `a ${g.name.toLowerCase()}`).join(' and ')}.`;
      return;
    }
    const count = Number(quantity.value);
    add.disabled = true;
    add.textContent = 'Adding…';
    void addToCart(p.handle, { ...selection }, Number.isInteger(count) ? count : NaN).then(
      (problem) => {
        add.disabled = false;
        add.textContent = 'Add to cart';
        error.textContent = problem ?? '';
        if (!problem) openCartDrawer(`Added ${p.title} to your cart.`);
      },
    );
  });
}
