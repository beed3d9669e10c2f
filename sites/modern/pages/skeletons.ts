import { html, type Html } from '../../shop/pages/html.js';

/** Grey placeholders the server sends until the browser code has fetched and rendered the page. */

const bar = (width: string, height = 'h-4') =>
  html`<div class="${height} ${width} animate-pulse rounded bg-neutral-200"></div>`;

function cardSkeleton(): Html {
  return html`<div class="flex flex-col gap-3">
    <div class="aspect-square w-full animate-pulse rounded-lg bg-neutral-200"></div>
    ${bar('w-3/4')} ${bar('w-1/3')}
  </div>`;
}

export function listingSkeleton(): Html {
  return html`<div class="flex flex-col gap-6" data-skeleton>
    ${bar('w-64', 'h-8')}
    <div class="grid grid-cols-2 gap-6 md:grid-cols-4">
      ${Array.from({ length: 8 }, cardSkeleton)}
    </div>
  </div>`;
}

export function productSkeleton(): Html {
  return html`<div class="grid gap-10 md:grid-cols-2" data-skeleton>
    <div class="aspect-square w-full animate-pulse rounded-xl bg-neutral-200"></div>
    <div class="flex flex-col gap-4">
      ${bar('w-24')} ${bar('w-full', 'h-8')} ${bar('w-1/2', 'h-8')} ${bar('w-32', 'h-6')}
      ${bar('w-full', 'h-12')} ${bar('w-full', 'h-12')}
    </div>
  </div>`;
}

export function checkoutSkeleton(): Html {
  return html`<div class="grid gap-10 lg:grid-cols-2" data-skeleton>
    <div class="flex flex-col gap-4">${Array.from({ length: 8 }, () => bar('w-full', 'h-10'))}</div>
    <div class="h-64 w-full animate-pulse rounded-xl bg-neutral-100"></div>
  </div>`;
}
