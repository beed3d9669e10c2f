import { z } from 'zod';
import { OrderLog } from '../../shop/state/orders.js';

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

/** The modern shop's order log: the first shop's JSONL log with this shop's order schema. */
export class ModernOrderLog extends OrderLog<ModernOrder> {
  constructor(file: string) {
    super(file, ModernOrder);
  }
}
