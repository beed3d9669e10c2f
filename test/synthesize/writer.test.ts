import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { ScriptedChat } from '../../src/models/scripted-chat.js';
import { ChatRationaleWriter } from '../../src/synthesize/chat-writer.js';
import { rationaleRequest } from '../../src/synthesize/step.js';
import { createRationaleWriter, RATIONALE_BACKENDS } from '../../src/synthesize/writer.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { SYNTH_HUMAN } from './synth-fixtures.js';

const options = { examples: [], htmlBudget: 1000 };

async function carolStep(index: number) {
  const trace = await readTraceFile(path.join(SYNTH_HUMAN, 'carol-2026-03-02T21-40.jsonl'));
  return rationaleRequest(trace, index);
}

describe('rationale writers from the model registry', () => {
  it('sends the rationale chat, keyed by session and step, plain to an API model', async () => {
    const chat = new ScriptedChat({ '*': 'I look at it.' });
    const writer = new ChatRationaleWriter(chat, options);
    expect(writer.id).toBe('scripted');
    expect(await writer.explain(await carolStep(1))).toBe('I look at it.');
    const [sent] = chat.requests;
    expect(sent!.key).toBe('carol-2026-03-02T21-40#1');
    expect(sent!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent!.messages[1]!.content).toContain('click search_results.item_3.title_link');
    expect(sent!.schema ?? null).toBeNull();
    expect(sent!.maxTokens ?? null).toBeNull();
  });

  it('holds a grammar backend to {"rationale"} with a cap, few tokens and a low temperature', async () => {
    const chat = new ScriptedChat(['{"rationale": "I look."}'], 'scripted', { constrained: true });
    const writer = new ChatRationaleWriter(chat, {
      ...options,
      llama: { maxTokens: 90, maxRationaleLength: 20 },
    });
    await writer.explain(await carolStep(1));
    const [sent] = chat.requests;
    expect(sent!.messages[1]!.content).toMatch(/Answer with JSON only: \{"rationale"/);
    expect(sent).toMatchObject({ maxTokens: 90, temperature: 0.3 });
    expect(sent!.schema!.schema.safeParse({ rationale: 'I look.' }).success).toBe(true);
    expect(sent!.schema!.schema.safeParse({ rationale: 'x'.repeat(21) }).success).toBe(false);
  });

  it('lists only the forms that can explain an action, generated from the registry', async () => {
    expect(RATIONALE_BACKENDS.map((b) => b.kind)).toEqual([
      'openai',
      'llama',
      'heuristic',
      'scripted',
    ]);
    const unknown = await createRationaleWriter('gpt-4', options).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UsageError);
    expect((unknown as Error).message).toMatch(/unknown model spec "gpt-4" for synthesize/);
    expect((unknown as Error).message).toContain('template sentences from the action');
    expect((unknown as Error).message).not.toContain('random');
    const random = await createRationaleWriter('random:3', options).catch((e: unknown) => e);
    expect((random as Error).message).toMatch(/"random:3" chooses actions but cannot explain one/);
  });
});
