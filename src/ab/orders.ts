import { ShopsimError } from '../errors.js';

/**
 * Order totals by order id from a bundled shop's order log (GET /api/orders); null when the site
 * has no such log (revenue is then not measured).
 */
export async function fetchOrderTotals(
  shopUrl: string | null,
): Promise<Map<string, number> | null> {
  if (!shopUrl) return null;
  let orders: unknown;
  try {
    const response = await fetch(new URL('/api/orders', shopUrl));
    orders = await response.json();
  } catch (error) {
    throw new ShopsimError(
      `cannot read the shop's order log at ${shopUrl}/api/orders (${(error as Error).message}); ` +
        'the shop stopped early: run again.',
    );
  }
  const totals = new Map<string, number>();
  if (!Array.isArray(orders)) return totals;
  for (const order of orders as { orderId?: unknown; total?: unknown }[]) {
    if (typeof order.orderId === 'string' && typeof order.total === 'number') {
      totals.set(order.orderId, order.total);
    }
  }
  return totals;
}
