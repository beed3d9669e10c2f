import type { SftMessage } from './sft-conversation.js';

export const SFT_FORMATS = ['openai', 'messages'] as const;
export type SftFormat = (typeof SFT_FORMATS)[number];

export interface SftRecord {
  id: string;
  userId: string | null;
  messages: SftMessage[];
}

/**
 * One JSONL line.
 * - openai: OpenAI chat fine-tuning format, {"messages": [{role, content}, ...]}; loss falls on
 *   assistant turns, and an assistant turn with "weight": 0 is excluded from it.
 * - messages: a plain {"id", "user_id", "messages"} record for other trainers (TRL, axolotl...),
 *   with the same optional "weight": 0 on masked assistant turns.
 */
export function formatRecord(format: SftFormat, record: SftRecord): string {
  if (format === 'openai') return JSON.stringify({ messages: record.messages });
  return JSON.stringify({ id: record.id, user_id: record.userId, messages: record.messages });
}
