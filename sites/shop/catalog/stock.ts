import type { OptionGroup, Product, ProductOption } from './types.js';

/** A chosen option per group: group key -> option slug, e.g. { color: 'navy', size: '10' }. */
export type Selection = Record<string, string>;

export interface Resolved {
  /** The chosen option of each group, in group order. */
  chosen: { group: OptionGroup; option: ProductOption }[];
  /** Base price plus the options' price deltas, cents. */
  unitPrice: number;
  /** Units that can be bought with this selection (the scarcest chosen option). */
  stock: number;
}

export type Resolution = { ok: true; value: Resolved } | { ok: false; message: string };

/** The first in-stock option of each group, or null when the product cannot be bought at all. */
export function defaultSelection(product: Product): Selection | null {
  const selection: Selection = {};
  for (const group of product.optionGroups) {
    const option = group.options.find((o) => o.stock > 0);
    if (!option) return null;
    selection[group.key] = option.slug;
  }
  if (product.optionGroups.length === 0 && product.stock <= 0) return null;
  return selection;
}

/** Checks a selection: every group chosen, every option known and in stock. */
export function resolveSelection(product: Product, selection: Selection): Resolution {
  const chosen: Resolved['chosen'] = [];
  for (const group of product.optionGroups) {
    const slug = selection[group.key];
    if (!slug) return { ok: false, message: `Please choose a ${group.name.toLowerCase()}.` };
    const option = group.options.find((o) => o.slug === slug);
    if (!option) {
      return {
        ok: false,
        message: `${group.name} "${slug}" is not offered for this product; choose one of ${group.options.map((o) => o.value).join(', ')}.`,
      };
    }
    if (option.stock <= 0) {
      return {
        ok: false,
        message: `${group.name} ${option.value} is out of stock. Please choose another ${group.name.toLowerCase()}.`,
      };
    }
    chosen.push({ group, option });
  }
  if (product.optionGroups.length === 0 && product.stock <= 0) {
    return { ok: false, message: 'This product is currently out of stock.' };
  }
  const unitPrice = chosen.reduce((sum, c) => sum + c.option.priceDelta, product.price);
  const stock = chosen.length > 0 ? Math.min(...chosen.map((c) => c.option.stock)) : product.stock;
  return { ok: true, value: { chosen, unitPrice, stock } };
}

/** Whether any option combination can be bought. */
export function isAvailable(product: Product): boolean {
  return defaultSelection(product) !== null;
}

/** "Color: Navy, Size: 10" for display and the order log. */
export function describeChoice(chosen: Resolved['chosen']): string {
  return chosen.map((c) => `${c.group.name}: ${c.option.value}`).join(', ');
}
