import type { SftMessage } from './sft-example.js';

export const SFT_FORMATS = ['openai', 'messages'] as const;
export type SftFormat = (typeof SFT_FORMATS)[number];

export interface SftRecord {
  id: string;
  userId: string | null;
  messages: SftMessage[];
}

/**
 * One JSONL line: one step's messages (system, user, assistant).
 * - openai: OpenAI chat fine-tuning format, {"messages": [{role, content}, ...]}; loss falls on
 *   the assistant turn.
 * - messages: a plain {"id", "user_id", "messages"} record for other trainers (TRL, axolotl...);
 *   the id is "<session_id>#<step>".
 */
export function formatRecord(format: SftFormat, record: SftRecord): string {
  if (format === 'openai') return JSON.stringify({ messages: record.messages });
  return JSON.stringify({ id: record.id, user_id: record.userId, messages: record.messages });
}
