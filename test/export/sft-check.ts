import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { z } from 'zod';
import { Action, ModelAnswer } from '../../src/action.js';

export interface CheckedRecord {
  id: string | null;
  userId: string | null;
  messages: { role: string; content: string; weight?: number }[];
  answers: { rationale?: string; action: Action }[];
}

const ActionOnly = z.object({ action: Action }).strict();
const OpenAiMessage = z
  .object({
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string().min(1),
    weight: z.literal(0).optional(),
  })
  .strict();

/**
 * Reads an exported JSONL file and checks every line: it parses; the keys are those of the
 * format; roles run system, user, assistant, user, assistant, ...; weights only on assistant
 * turns; assistant contents parse as ModelAnswer (or as {action} only without rationales).
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
    expect(messages.length % 2, where).toBe(1);
    messages.forEach((m, j) => {
      const expected = j === 0 ? 'system' : j % 2 === 1 ? 'user' : 'assistant';
      expect(m.role, `${where} message ${j}`).toBe(expected);
      if (m.weight !== undefined) expect(m.role).toBe('assistant');
    });
    const answers = messages
      .filter((m) => m.role === 'assistant')
      .map((m) => {
        const parsed = JSON.parse(m.content) as unknown;
        return rationales ? ModelAnswer.strict().parse(parsed) : ActionOnly.parse(parsed);
      });
    return {
      id: format === 'messages' ? (value.id as string) : null,
      userId: format === 'messages' ? (value.user_id as string | null) : null,
      messages,
      answers,
    };
  });
}
