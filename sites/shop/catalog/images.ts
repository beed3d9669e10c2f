import { escapeHtml } from '../pages/html.js';
import type { Product } from './types.js';

/** Swatch colours for the colour options, so images and swatches match the chosen colour. */
export const COLOR_HEX: Record<string, string> = {
  black: '#222428',
  white: '#f4f4f2',
  navy: '#1f2f57',
  charcoal: '#44474d',
  olive: '#6b7046',
  red: '#c0392b',
  'sky-blue': '#6fb7e9',
  sand: '#d9c39a',
  'forest-green': '#2e5e3e',
  burgundy: '#7b2233',
  'slate-grey': '#6d7b8a',
  coral: '#f07a63',
};

/** A simple silhouette per category, drawn in a 200x200 box. */
const SHAPES: Record<string, string> = {
  shoes: 'M30 130 Q40 95 75 100 L110 80 Q130 95 150 110 Q175 118 172 140 L30 140 Z',
  clothing:
    'M70 45 L100 60 L130 45 L165 70 L150 95 L140 88 L140 160 L60 160 L60 88 L50 95 L35 70 Z',
  audio:
    'M55 120 Q55 50 100 50 Q145 50 145 120 L132 120 Q132 65 100 65 Q68 65 68 120 Z M45 115 h30 v45 h-30 Z M125 115 h30 v45 h-30 Z',
  computers: 'M45 60 h110 v70 h-110 Z M30 138 h140 l-10 14 h-120 Z',
  kitchen: 'M60 70 h80 v80 q0 14 -14 14 h-52 q-14 0 -14 -14 Z M140 90 q25 0 25 25 q0 25 -25 25',
  home: 'M40 100 L100 50 L160 100 L150 100 L150 160 L50 160 L50 100 Z',
  outdoor: 'M100 45 L165 155 L35 155 Z M100 100 L120 155 L80 155 Z',
  sports:
    'M40 90 h20 v20 h-20 Z M60 80 h15 v40 h-15 Z M75 95 h50 v10 h-50 Z M125 80 h15 v40 h-15 Z M140 90 h20 v20 h-20 Z',
  beauty: 'M80 80 h40 v80 q0 8 -8 8 h-24 q-8 0 -8 -8 Z M88 55 h24 v25 h-24 Z',
  toys: 'M50 90 h100 v60 h-100 Z M62 76 h18 v14 h-18 Z M91 76 h18 v14 h-18 Z M120 76 h18 v14 h-18 Z',
  pets: 'M100 105 q35 0 35 30 q0 25 -35 25 q-35 0 -35 -25 q0 -30 35 -30 Z M62 80 a12 14 0 1 0 0.1 0 Z M138 80 a12 14 0 1 0 0.1 0 Z M85 60 a11 14 0 1 0 0.1 0 Z M115 60 a11 14 0 1 0 0.1 0 Z',
};

/** The product's placeholder picture: category silhouette in the chosen colour, brand below. */
export function productSvg(product: Product, colorSlug: string | null): string {
  const fill = (colorSlug && COLOR_HEX[colorSlug]) ?? `hsl(${product.hue} 45% 45%)`;
  const shape = SHAPES[product.category] ?? SHAPES.toys!;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="400" height="400" role="img" aria-label="${escapeHtml(product.title)}">
<rect width="200" height="200" fill="hsl(${product.hue} 40% 94%)"/>
<path d="${shape}" fill="${fill}" stroke="#0003" stroke-width="1.5"/>
<text x="100" y="188" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#555">${escapeHtml(product.brand)}</text>
</svg>`;
}
