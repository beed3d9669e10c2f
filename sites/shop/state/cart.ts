import { describeChoice, resolveSelection, type Selection } from '../catalog/stock.js';
import type { Catalog, Product } from '../catalog/types.js';

/** At most this many units of one line, whatever the stock. */
export const MAX_QUANTITY = 10;
/** Orders from this subtotal (cents) ship free; below it shipping costs SHIPPING_FEE. */
export const FREE_SHIPPING_FROM = 3500;
export const SHIPPING_FEE = 599;
/** Sales tax on the subtotal in basis points (8.25%), rounded half up to the cent. */
export const TAX_BASIS_POINTS = 825;

export interface CartLine {
  /** "p0042|color=navy;size=10": one line per product and option choice. */
  key: string;
  productId: string;
  selection: Selection;
  quantity: number;
}

export interface PricedLine extends CartLine {
  product: Product;
  /** "Color: Navy, Size: 10", or "" without options. */
  choice: string;
  /** Option values by group name, e.g. { Color: 'Navy', Size: '10' }. */
  options: Record<string, string>;
  unitPrice: number;
  lineTotal: number;
  /** Units the line may hold: min(stock, MAX_QUANTITY). */
  limit: number;
}

export interface CartTotals {
  lines: PricedLine[];
  itemCount: number;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
}

export type CartResult = { ok: true; line: CartLine } | { ok: false; message: string };

export function lineKey(productId: string, selection: Selection): string {
  const parts = Object.keys(selection)
    .sort()
    .map((k) => `${k}=${selection[k]}`);
  return `${productId}|${parts.join(';')}`;
}

/** Adds units to the cart (merging with an equal line); rejects out-of-stock or excess quantity. */
export function addToCart(
  cart: CartLine[],
  product: Product,
  selection: Selection,
  quantity: number,
): CartResult {
  if (!Number.isInteger(quantity) || quantity < 1) {
    return { ok: false, message: 'Quantity must be a whole number of at least 1.' };
  }
  const resolved = resolveSelection(product, selection);
  if (!resolved.ok) return resolved;
  const clean: Selection = {};
  for (const c of resolved.value.chosen) clean[c.group.key] = c.option.slug;
  const key = lineKey(product.id, clean);
  const existing = cart.find((l) => l.key === key);
  const wanted = (existing?.quantity ?? 0) + quantity;
  const limit = Math.min(resolved.value.stock, MAX_QUANTITY);
  if (wanted > limit) {
    return { ok: false, message: tooMany(limit, resolved.value.stock, existing?.quantity ?? 0) };
  }
  if (existing) {
    existing.quantity = wanted;
    return { ok: true, line: existing };
  }
  const line = { key, productId: product.id, selection: clean, quantity };
  cart.push(line);
  return { ok: true, line };
}

/** Sets a line's quantity; 0 removes the line. */
export function setQuantity(
  cart: CartLine[],
  catalog: Catalog,
  key: string,
  quantity: number,
): CartResult {
  const index = cart.findIndex((l) => l.key === key);
  if (index < 0) return { ok: false, message: 'That item is no longer in your cart.' };
  const line = cart[index]!;
  if (!Number.isInteger(quantity) || quantity < 0) {
    return { ok: false, message: 'Quantity must be a whole number (0 removes the item).' };
  }
  if (quantity === 0) {
    cart.splice(index, 1);
    return { ok: true, line };
  }
  const product = catalog.byId.get(line.productId)!;
  const resolved = resolveSelection(product, line.selection);
  if (!resolved.ok) return resolved;
  const limit = Math.min(resolved.value.stock, MAX_QUANTITY);
  if (quantity > limit) return { ok: false, message: tooMany(limit, resolved.value.stock, 0) };
  line.quantity = quantity;
  return { ok: true, line };
}

export function removeLine(cart: CartLine[], key: string): boolean {
  const index = cart.findIndex((l) => l.key === key);
  if (index >= 0) cart.splice(index, 1);
  return index >= 0;
}

function tooMany(limit: number, stock: number, inCart: number): string {
  const why =
    stock <= MAX_QUANTITY ? `Only ${stock} left in stock` : `At most ${MAX_QUANTITY} per order`;
  return inCart > 0
    ? `${why}, and your cart already holds ${inCart}. You can add at most ${Math.max(0, limit - inCart)} more.`
    : `${why}. Please choose a quantity of ${limit} or less.`;
}

/** Prices every line and sums the order: subtotal, shipping, tax (half up to the cent), total. */
export function priceCart(cart: CartLine[], catalog: Catalog): CartTotals {
  const lines: PricedLine[] = [];
  for (const line of cart) {
    const product = catalog.byId.get(line.productId);
    if (!product) continue;
    const resolved = resolveSelection(product, line.selection);
    if (!resolved.ok) continue;
    const { chosen, unitPrice, stock } = resolved.value;
    lines.push({
      ...line,
      product,
      choice: describeChoice(chosen),
      options: Object.fromEntries(chosen.map((c) => [c.group.name, c.option.value])),
      unitPrice,
      lineTotal: unitPrice * line.quantity,
      limit: Math.min(stock, MAX_QUANTITY),
    });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const shipping = subtotal === 0 || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
  const tax = Math.floor((subtotal * TAX_BASIS_POINTS + 5000) / 10000);
  return {
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    shipping,
    tax,
    total: subtotal + shipping + tax,
  };
}

/** "$1,234.50" */
export function formatMoney(cents: number): string {
  return (
    '$' +
    (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  );
}
