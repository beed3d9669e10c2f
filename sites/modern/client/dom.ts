/** Small DOM helpers for the shop's browser code: hydration gate, generated ids, portals. */
import type { Html } from '../../shop/pages/html.js';

export { html, raw, type Html } from '../../shop/pages/html.js';

let hydrated = false;
const hydrationListeners: (() => void)[] = [];

export function isHydrated(): boolean {
  return hydrated;
}

/** Marks the page interactive (late hydration): from now on bound handlers run. */
export function markHydrated(): void {
  hydrated = true;
  document.documentElement.dataset.hydrated = 'true';
  for (const fn of hydrationListeners.splice(0)) fn();
}

export function onHydrated(fn: () => void): void {
  if (hydrated) fn();
  else hydrationListeners.push(fn);
}

/**
 * addEventListener whose handler only runs once the page is hydrated: before that a click on the
 * server-rendered button does nothing, as on a React page that has not hydrated yet.
 */
export function on<K extends keyof HTMLElementEventMap>(
  target: Element | Document,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, (event) => {
    if (hydrated) handler(event as HTMLElementEventMap[K]);
  });
}

let counter = 0;

/**
 * React useId-style ids (":r5:"); `prefix` gives Radix / Base UI flavours ("radix-:r5:"). One
 * counter for the whole page (portals included), so ids never repeat.
 */
export function useId(prefix = ''): string {
  counter++;
  return `${prefix}:r${counter.toString(32)}:`;
}

export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`shop page: no element matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  return [...root.querySelectorAll<T>(selector)];
}

export function setHtml(element: Element, markup: Html): void {
  element.innerHTML = markup.value;
}

/** A layer appended to <body> (dialogs, drawers, banners), as React portals do. */
export function portal(markup: Html, id: string): HTMLElement {
  const layer = document.createElement('div');
  layer.id = id;
  setHtml(layer, markup);
  document.body.append(layer);
  return layer;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function writeCookie(name: string, value: string, days = 365): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${days * 86400}; SameSite=Lax`;
}

/** Locks page scrolling while an overlay is open (nested overlays count). */
let locks = 0;
export function lockScroll(lock: boolean): void {
  locks = Math.max(0, locks + (lock ? 1 : -1));
  document.body.style.overflow = locks > 0 ? 'hidden' : '';
}
