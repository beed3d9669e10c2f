import type { CacheStats } from '../models/answer-cache.js';
import { costOf, type ModelPrice } from './prices.js';
import { formatTokens, formatUsd } from './usage.js';

/** What the --cache folder did for a run, for the summary. */
export interface CacheSummary {
  dir: string;
  /** Model calls answered from the folder. */
  hits: number;
  /** Model calls made, their answers stored. */
  misses: number;
  /** Tokens the reused answers cost when they were first made. */
  savedPromptTokens: number | null;
  savedCompletionTokens: number | null;
  /** Those tokens at the run's price; null when the model has no price or no tokens were known. */
  savedUsd: number | null;
}

export function cacheSummary(
  dir: string,
  stats: CacheStats,
  price: ModelPrice | null,
): CacheSummary {
  return {
    dir,
    ...stats,
    savedUsd:
      stats.hits === 0 ? 0 : costOf(price, stats.savedPromptTokens, stats.savedCompletionTokens),
  };
}

/** "Cache /x: 12 answers reused, 3 new; saved $0.0040 (3,400 tokens in, 210 out)." */
export function cacheSentence(cache: CacheSummary): string {
  return (
    `Cache ${cache.dir}: ${cache.hits} answers reused, ${cache.misses} new; saved ` +
    `${formatUsd(cache.savedUsd)} (${formatTokens(cache.savedPromptTokens)} tokens in, ` +
    `${formatTokens(cache.savedCompletionTokens)} out).`
  );
}
