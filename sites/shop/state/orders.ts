import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { VARIANTS } from './variant.js';

/** One line of the order log (JSONL) and one element of GET /api/orders. Money in dollars. */
export const ShopOrderItem = z.object({
  productId: z.string(),
  title: z.string(),
  /** Option values by group name, e.g. { Color: 'Navy', Size: '10' }; {} without options. */
  options: z.record(z.string(), z.string()),
  quantity: z.number().int().positive(),
  unitPrice: z.number(),
});
export type ShopOrderItem = z.infer<typeof ShopOrderItem>;

export const ShopOrder = z.object({
  orderId: z.string(),
  visitorId: z.string(),
  variant: z.enum(VARIANTS),
  items: z.array(ShopOrderItem).min(1),
  subtotal: z.number(),
  shipping: z.number(),
  tax: z.number(),
  total: z.number(),
  currency: z.literal('USD'),
  /** ISO 8601 time the order was placed. */
  time: z.string(),
});
export type ShopOrder = z.infer<typeof ShopOrder>;

/** "ORD-7K3F9Q2M": random, so servers sharing one log file never collide. */
export function newOrderId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  return 'ORD-' + [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export function centsToDollars(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * Appends orders to a JSONL file; appends are serialised so lines never interleave. Each shop
 * passes its own order schema (lines are validated on the way in and out).
 */
export class OrderLog<T = ShopOrder> {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T> = ShopOrder as unknown as z.ZodType<T>,
  ) {}

  async init(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, '');
  }

  append(order: T): Promise<void> {
    const line = JSON.stringify(this.schema.parse(order)) + '\n';
    const write = this.tail.then(() => appendFile(this.file, line));
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Every order in the file (including earlier runs that used the same file), oldest first. */
  async readAll(): Promise<T[]> {
    await this.tail;
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const orders: T[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      // A torn or foreign line (e.g. a crash mid-write) is skipped, not fatal for the endpoint.
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = this.schema.safeParse(value);
      if (parsed.success) orders.push(parsed.data);
    }
    return orders;
  }
}
