/** Inline SVG icons (outline, 24px grid), as markup strings for the server shell and the client. */

function icon(paths: string, size = 'size-5'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke-width="1.5" stroke="currentColor" aria-hidden="true" focusable="false" class="${size} shrink-0">${paths}</svg>`;
}

export const ICONS = {
  search: icon(
    '<path stroke-linecap="round" stroke-linejoin="round" d="m21 21-5.2-5.2m0 0A7.5 7.5 0 1 0 5.2 5.2a7.5 7.5 0 0 0 10.6 10.6Z"/>',
  ),
  close: icon('<path stroke-linecap="round" stroke-linejoin="round" d="M6 18 18 6M6 6l12 12"/>'),
  chevronDown: icon(
    '<path stroke-linecap="round" stroke-linejoin="round" d="m19.5 8.25-7.5 7.5-7.5-7.5"/>',
    'size-4',
  ),
  bag: icon(
    '<path stroke-linecap="round" stroke-linejoin="round" d="M15.75 10.5V6a3.75 3.75 0 1 0-7.5 0v4.5m11.36-1.99 1.26 12c.07.66-.45 1.24-1.12 1.24H4.25a1.13 1.13 0 0 1-1.12-1.24l1.26-12A1.13 1.13 0 0 1 5.51 7.5h12.98c.58 0 1.06.44 1.12 1.01Z"/>',
    'size-6',
  ),
  plus: icon(
    '<path stroke-linecap="round" stroke-linejoin="round" d="M12 4.5v15m7.5-7.5h-15"/>',
    'size-4',
  ),
  minus: icon('<path stroke-linecap="round" stroke-linejoin="round" d="M5 12h14"/>', 'size-4'),
  trash: icon(
    '<path stroke-linecap="round" stroke-linejoin="round" d="m14.7 9-.34 9m-4.78 0L9.26 9m9.97-3.21c.34.05.68.1 1.02.16m-1.02-.16L18.16 19.67A2.25 2.25 0 0 1 15.92 21.75H8.08a2.25 2.25 0 0 1-2.24-2.08L4.77 5.79m14.46 0a48.1 48.1 0 0 0-3.48-.4m-12 .56c.34-.06.68-.11 1.02-.16m0 0a48.1 48.1 0 0 1 3.48-.4m7.5 0v-.92c0-1.18-.91-2.16-2.09-2.2a51.96 51.96 0 0 0-3.32 0c-1.18.04-2.09 1.02-2.09 2.2v.92m7.5 0a48.67 48.67 0 0 0-7.5 0"/>',
    'size-4',
  ),
  check: icon('<path stroke-linecap="round" stroke-linejoin="round" d="m4.5 12.75 6 6 9-13.5"/>'),
  star: '<svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" class="size-4 shrink-0"><path fill-rule="evenodd" d="M10.87 2.4a.95.95 0 0 0-1.74 0L7.2 6.73l-4.72.38a.95.95 0 0 0-.54 1.66l3.6 3.08-1.1 4.6a.95.95 0 0 0 1.41 1.03L10 15l4.05 2.47a.95.95 0 0 0 1.41-1.03l-1.1-4.6 3.6-3.08a.95.95 0 0 0-.54-1.66l-4.72-.38-1.83-4.32Z" clip-rule="evenodd"/></svg>',
} as const;
