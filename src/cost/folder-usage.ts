import { readTraces } from '../traces/reader.js';
import { priceOf, type PriceTable } from './prices.js';
import { formatTokens, formatUsd, sumUsage, traceUsage, type UsageTotals } from './usage.js';

/** The model use of every session under a folder, each priced by its own header's model. */
export async function folderUsage(dir: string, prices: PriceTable): Promise<UsageTotals> {
  const traces = await readTraces(dir);
  return sumUsage(
    traces.map((t) => traceUsage(t.steps, t.header.model ? priceOf(t.header.model, prices) : null)),
  );
}

/** "Model: 12 calls, 3,400 tokens in, 210 out, 8.1 s, cost $0.0012." */
export function usageSentence(usage: UsageTotals): string {
  return (
    `Model: ${usage.calls} calls, ${formatTokens(usage.promptTokens)} tokens in, ` +
    `${formatTokens(usage.completionTokens)} out, ${(usage.latencyMs / 1000).toFixed(1)} s, ` +
    `cost ${formatUsd(usage.costUsd)}.`
  );
}
