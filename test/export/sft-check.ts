import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { z } from 'zod';
import { Action, ModelAnswer } from '../../src/action.js';

export interface CheckedRecord {
  id: string | null;
  userId: string | null;
  messages: { role: string; content: string }[];
  answer: { rationale?: string; action: Action };
}

const ActionOnly = z.object({ action: Action }).strict();
const OpenAiMessage = z
  .object({
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string().min(1),
  })
  .strict();

/**
 * Reads an exported JSONL file and checks every line: it parses; the keys are those of the
 * format; the roles are system, user, assistant (one step); the assistant content parses as
 * ModelAnswer (or as {action} only without rationales).
 */
export async function checkSftFile(
  file: string,
  format: 'openai' | 'messages',
  rationales: boolean,
): Promise<CheckedRecord[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  expect(lines.pop()).toBe(''); // ends with a newline
  return lines.map((line, i) => {
    const where = `${file} line ${i + 1}`;
    const value = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(value).sort(), where).toEqual(
      format === 'openai' ? ['messages'] : ['id', 'messages', 'user_id'],
    );
    const messages = z.array(OpenAiMessage).parse(value.messages);
    expect(
      messages.map((m) => m.role),
      where,
    ).toEqual(['system', 'user', 'assistant']);
    const parsed = JSON.parse(messages[2]!.content) as unknown;
    const answer = rationales ? ModelAnswer.strict().parse(parsed) : ActionOnly.parse(parsed);
    return {
      id: format === 'messages' ? (value.id as string) : null,
      userId: format === 'messages' ? (value.user_id as string | null) : null,
      messages,
      answer,
    };
  });
}
