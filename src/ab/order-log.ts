import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../json-file.js';

/** The order totals an ab run saw in the shop's order log, kept in its folder as orders.json. */
export const OrderLog = z.record(z.string(), z.number());
export type OrderLog = z.infer<typeof OrderLog>;

export const ORDER_LOG_FILE = 'orders.json';

/**
 * The order totals saved in an ab run folder, or null when it saved none (the site has no order
 * log). A resumed run's kept pairs and a merge's shards ordered in shops that are gone: their
 * revenue comes from here.
 */
export function readOrderLog(dir: string): Map<string, number> | null {
  const file = path.join(dir, ORDER_LOG_FILE);
  if (!existsSync(file)) return null;
  return new Map(Object.entries(OrderLog.parse(readJsonFile(file, ORDER_LOG_FILE))));
}

/** The union of order logs (order ids are random, so shops never share one); null if all are. */
export function joinOrderLogs(
  logs: readonly (Map<string, number> | null)[],
): Map<string, number> | null {
  const known = logs.filter((log): log is Map<string, number> => log !== null);
  return known.length ? new Map(known.flatMap((log) => [...log])) : null;
}

/** Saves `orders` into the run folder (nothing when the site has no order log). */
export async function writeOrderLog(dir: string, orders: Map<string, number> | null) {
  if (!orders) return;
  const sorted = Object.fromEntries([...orders].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(path.join(dir, ORDER_LOG_FILE), JSON.stringify(sorted, null, 2) + '\n');
}
