import type { Trace } from '../../src/traces/schema.js';

/**
 * Each trace's session id → its seed, outcome and actions in order: what two runs with the same
 * seed must agree on, however their sessions were spread over shards.
 */
export function sessionsOf(traces: readonly Trace[]) {
  return Object.fromEntries(
    traces.map((t) => [
      t.header.session_id,
      { seed: t.header.seed, outcome: t.end?.outcome, actions: t.steps.map((s) => s.action) },
    ]),
  );
}
