import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * One line of the modern shop's order log (JSONL) and one element of GET /api/orders. Same core
 * fields as the first shop's orders (orderId, visitorId, items, money in dollars, time); no A/B
 * arm, but the shipping method and destination country. No name, email or card is logged.
 */
export const ModernOrderItem = z.object({
  productId: z.string(),
  handle: z.string(),
  title: z.string(),
  /** Option values by group name, e.g. { Color: 'Navy', Size: '10' }; {} without options. */
  options: z.record(z.string(), z.string()),
  quantity: z.number().int().positive(),
  unitPrice: z.number(),
});
export type ModernOrderItem = z.infer<typeof ModernOrderItem>;

export const ModernOrder = z.object({
  orderId: z.string(),
  visitorId: z.string(),
  site: z.literal('modern'),
  items: z.array(ModernOrderItem).min(1),
  shippingMethod: z.enum(['standard', 'express']),
  country: z.string(),
  subtotal: z.number(),
  shipping: z.number(),
  tax: z.number(),
  total: z.number(),
  currency: z.literal('USD'),
  /** ISO 8601 time the order was placed. */
  time: z.string(),
});
export type ModernOrder = z.infer<typeof ModernOrder>;

/** Appends orders to a JSONL file; appends are serialised so lines never interleave. */
export class ModernOrderLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  async init(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, '');
  }

  append(order: ModernOrder): Promise<void> {
    const line = JSON.stringify(ModernOrder.parse(order)) + '\n';
    const write = this.tail.then(() => appendFile(this.file, line));
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Every order in the file (earlier runs included), oldest first; torn lines are skipped. */
  async readAll(): Promise<ModernOrder[]> {
    await this.tail;
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const orders: ModernOrder[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = ModernOrder.safeParse(value);
      if (parsed.success) orders.push(parsed.data);
    }
    return orders;
  }
}
