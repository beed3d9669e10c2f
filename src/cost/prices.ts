import { z } from 'zod';

/** What a model costs, in US dollars per million tokens. */
export const ModelPrice = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** The `prices` setting: model (a spec like "openai:gpt-4o", or a bare model name) to price. */
export const PriceTable = z.record(z.string().min(1), ModelPrice);
export type PriceTable = z.infer<typeof PriceTable>;

/** When the default prices were taken from the providers' published list prices. */
export const PRICES_AS_OF = '2025-08';

/**
 * Default prices, OpenAI's published list prices (standard tier, uncached input) as of
 * PRICES_AS_OF. Prices change: set your own in the config file's `prices`, which extends and
 * overrides this table. Other hosted models reached through an OpenAI-compatible endpoint have
 * no default (their cost shows as n/a until priced).
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** Backends that run on this machine: their tokens cost nothing. */
const LOCAL_KINDS = ['llama', 'heuristic', 'random', 'scripted'];

const FREE: ModelPrice = { input: 0, output: 0 };

/**
 * The price of a model spec: the table's entry for the whole spec, else for the model name after
 * "openai:", else for that name without a dated snapshot suffix (gpt-4o-2024-08-06 -> gpt-4o).
 * Local backends cost 0 unless the table says otherwise. Null: a hosted model the table lacks.
 */
export function priceOf(model: string, table: PriceTable): ModelPrice | null {
  const spec = model.trim();
  if (table[spec]) return table[spec];
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const name = colon < 0 ? spec : spec.slice(colon + 1);
  if (LOCAL_KINDS.includes(kind)) return FREE;
  if (table[name]) return table[name];
  const undated = name.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return table[undated] ?? null;
}

/** Dollars for the given tokens at a price; null when the price or the token counts are unknown. */
export function costOf(
  price: ModelPrice | null,
  promptTokens: number | null,
  completionTokens: number | null,
): number | null {
  if (!price) return null;
  if (promptTokens === null && completionTokens === null) {
    return price.input === 0 && price.output === 0 ? 0 : null;
  }
  return ((promptTokens ?? 0) * price.input + (completionTokens ?? 0) * price.output) / 1_000_000;
}
