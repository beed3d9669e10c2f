import { html, type Html } from './html.js';

export { formatMoney } from '../state/cart.js';

/** ★★★★☆ with an accessible label; half stars round to the nearest whole star. */
export function stars(rating: number): Html {
  const full = Math.round(rating);
  return html`<span class="stars" role="img" aria-label="${rating.toFixed(1)} out of 5 stars"
    >${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span
  >`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "June 26, 2025" from "2025-06-26". */
export function formatDate(iso: string): string {
  return new Date(iso + 'T00:00:00Z').toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Only 3 left in stock - order soon." / "In stock" / "Out of stock" */
export function stockText(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock <= 4) return `Only ${stock} left in stock - order soon.`;
  return 'In stock';
}
