/** The visitor's cart as the page knows it; every change goes through the API and updates the badge. */
import type { CartJson } from '../types.js';
import { getJson, postJson } from './api.js';

type Listener = (cart: CartJson) => void;

let current: CartJson | null = null;
const listeners: Listener[] = [];

export function cartSnapshot(): CartJson | null {
  return current;
}

export function onCartChange(listener: Listener): void {
  listeners.push(listener);
}

function update(cart: CartJson): void {
  current = cart;
  for (const badge of document.querySelectorAll<HTMLElement>('[data-cart-count]')) {
    badge.textContent = String(cart.itemCount);
  }
  for (const listener of listeners) listener(cart);
}

export async function loadCart(): Promise<CartJson> {
  const answer = await getJson<CartJson>('/api/cart');
  if (!answer.ok) throw new Error('The cart could not be loaded; reload the page.');
  update(answer.data);
  return answer.data;
}

/** Sends a cart change; resolves with the error text of a refused change, or null. */
async function change(url: string, body: unknown): Promise<string | null> {
  const answer = await postJson<{ cart?: CartJson; error?: string }>(url, body);
  if (answer.data.cart) update(answer.data.cart);
  return answer.ok ? null : (answer.data.error ?? 'Something went wrong; please try again.');
}

export function addToCart(
  handle: string,
  options: Record<string, string>,
  quantity: number,
): Promise<string | null> {
  return change('/api/cart', { handle, options, quantity });
}

export function setLineQuantity(key: string, quantity: number): Promise<string | null> {
  return change('/api/cart/update', { key, quantity });
}

export function removeLine(key: string): Promise<string | null> {
  return change('/api/cart/remove', { key });
}
