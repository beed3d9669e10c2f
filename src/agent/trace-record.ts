import type { ModelPrice } from '../cost/prices.js';
import { traceUsage } from '../cost/usage.js';
import type { Trace } from '../traces/schema.js';
import type { SessionRecord } from './summary.js';

/**
 * A finished session's record rebuilt from its trace (for `simulate --resume` and `merge`).
 * `orderConfirmed` is unknown (null): the shop that took the order is gone.
 */
export function recordFromTrace(trace: Trace, price: ModelPrice | null): SessionRecord {
  const end = trace.end;
  if (!end) throw new Error(`recordFromTrace: ${trace.file} has no end line`);
  return {
    sessionId: trace.header.session_id,
    personaId: trace.header.persona?.id ?? trace.header.session_id,
    file: trace.file,
    outcome: end.outcome,
    steps: end.steps,
    durationMs: end.duration_ms,
    error: end.error,
    orderId: end.order_id,
    notPlaced: end.not_placed_reason ?? null,
    orderConfirmed: null,
    usage: traceUsage(trace.steps, price),
  };
}
