import type { ModelUsage, TraceStep } from '../traces/schema.js';
import { costOf, type ModelPrice } from './prices.js';

/** Model use of a session, a persona or a run. Tokens are null when no call reported them. */
export interface UsageTotals {
  /** Model calls, retries included. */
  calls: number;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Time spent waiting for the model, summed over calls. */
  latencyMs: number;
  /** US dollars at the run's price table; null when the model has no price or tokens are unknown. */
  costUsd: number | null;
}

export const NO_USAGE: UsageTotals = {
  calls: 0,
  promptTokens: null,
  completionTokens: null,
  latencyMs: 0,
  costUsd: 0,
};

const plus = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : a + b;

/** The usage of one session from its steps' usage records, priced at `price`. */
export function stepsUsage(
  usages: readonly (ModelUsage | null | undefined)[],
  price: ModelPrice | null,
): UsageTotals {
  let calls = 0,
    latencyMs = 0;
  let promptTokens: number | null = null,
    completionTokens: number | null = null;
  for (const usage of usages) {
    if (!usage) continue;
    calls += usage.attempts;
    latencyMs += usage.latency_ms;
    promptTokens = plus(promptTokens, usage.prompt_tokens);
    completionTokens = plus(completionTokens, usage.completion_tokens);
  }
  const costUsd = calls === 0 ? 0 : costOf(price, promptTokens, completionTokens);
  return { calls, promptTokens, completionTokens, latencyMs, costUsd };
}

/** The usage of a trace's steps. */
export function traceUsage(steps: readonly TraceStep[], price: ModelPrice | null): UsageTotals {
  return stepsUsage(
    steps.map((s) => s.usage),
    price,
  );
}

/** Adds usage totals (of sessions into a persona or a run). An unknown cost makes the sum unknown. */
export function sumUsage(items: readonly UsageTotals[]): UsageTotals {
  return items.reduce(
    (sum, u) => ({
      calls: sum.calls + u.calls,
      promptTokens: plus(sum.promptTokens, u.promptTokens),
      completionTokens: plus(sum.completionTokens, u.completionTokens),
      latencyMs: sum.latencyMs + u.latencyMs,
      costUsd: sum.costUsd === null || u.costUsd === null ? null : sum.costUsd + u.costUsd,
    }),
    NO_USAGE,
  );
}

/** "$0.0123", "$12.34", or "n/a". Small sums keep four decimals so a cheap run is not "$0.00". */
export function formatUsd(value: number | null): string {
  if (value === null) return 'n/a';
  return value >= 1 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`;
}

/** 12345 -> "12,345"; null -> "n/a". */
export function formatTokens(value: number | null): string {
  return value === null ? 'n/a' : value.toLocaleString('en-US');
}
