import { encode, encodeChat } from 'gpt-tokenizer/model/gpt-4o';
import type { SftMessage } from './sft-example.js';

/** The tokenizer token counts are given in (OpenAI's current chat models use it). */
export const TOKENIZER = 'o200k_base (gpt-4o chat format)';

/** Special-token text inside page content is counted as plain text, never rejected. */
const PLAIN = { disallowedSpecial: new Set<string>() };

export interface TokenCount {
  /** The whole conversation in the chat format, role markers included. */
  total: number;
  /** Content of the assistant turn (the one carrying loss). */
  trained: number;
}

export function countTokens(messages: SftMessage[]): TokenCount {
  const chat = messages.map((m) => ({ role: m.role, content: m.content }));
  const total = encodeChat(chat, undefined, PLAIN).length;
  const trained = messages
    .filter((m) => m.role === 'assistant')
    .reduce((sum, m) => sum + encode(m.content, PLAIN).length, 0);
  return { total, trained };
}

export interface TokenStats {
  examples: number;
  min: number | null;
  median: number | null;
  max: number | null;
  mean: number | null;
  total: number;
}

/** min / median / max / mean / total of a list of counts. */
export function tokenStats(values: number[]): TokenStats {
  if (values.length === 0) {
    return { examples: 0, min: null, median: null, max: null, mean: null, total: 0 };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    examples: sorted.length,
    min: sorted[0]!,
    median,
    max: sorted[sorted.length - 1]!,
    mean: Math.round((total / sorted.length) * 10) / 10,
    total,
  };
}
