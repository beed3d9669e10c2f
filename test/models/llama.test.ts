import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelBackendError } from '../../src/errors.js';
import { decide } from '../../src/models/decide.js';
import { LlamaCppModel } from '../../src/models/llama.js';
import { parseAnswer } from '../../src/models/parse-answer.js';
import { createModel } from '../../src/models/spec.js';
import { writeTinyGguf } from '../support/tiny-gguf.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');
const product = loadObservation('product-page');

describe('llama backend (tiny random-weight GGUF)', () => {
  let file: string;
  let model: LlamaCppModel;

  beforeAll(async () => {
    file = await writeTinyGguf({ seed: 3 });
    model = await LlamaCppModel.load(file, {
      threads: 1,
      contextSize: 8192,
      maxTokens: 300,
      maxRationaleLength: 40,
      maxTextLength: 20,
      banHighByteTokens: true,
      seed: 1,
      temperature: 0.8,
    });
  });
  afterAll(async () => {
    await model?.close();
    if (file) await rm(path.dirname(file), { recursive: true, force: true });
  });

  it('answers valid JSON for this page through the grammar, despite noise weights', async () => {
    const replies = [];
    for (const observation of [home, product]) {
      const reply = await model.predict(makeRequest(observation, { historyPages: 0 }));
      replies.push(reply.text);
      const answer = parseAnswer(reply.text);
      const action = answer.action;
      if (action.type !== 'terminate') {
        const element = observation.elements.find((e) => e.name === action.name);
        expect(element, reply.text).toBeDefined();
        expect(element!.disabled).toBe(false);
        expect(['text_input', 'textarea'].includes(element!.kind)).toBe(
          action.type === 'type_and_submit',
        );
      }
      expect(answer.rationale.length).toBeLessThanOrEqual(40);
      // Lone high bytes are banned, so the text is valid UTF-8 without replacement chars.
      expect(reply.text).not.toContain('\uFFFD');
      expect(reply.promptTokens).toBeGreaterThan(100);
      expect(reply.completionTokens).toBeGreaterThan(5);
    }
    // Same seed, same request: same answer.
    const again = await model.predict(makeRequest(product, { historyPages: 0 }));
    expect(again.text).toBe(replies[1]);
  });

  it('refuses a prompt longer than its context instead of silently cutting its start', async () => {
    const small = await LlamaCppModel.load(file, { threads: 1, contextSize: 1024, maxTokens: 50 });
    try {
      const request = makeRequest(home, { historyPages: 0 });
      await expect(small.predict(request)).rejects.toThrow(ModelBackendError);
      await expect(small.predict(request)).rejects.toThrow(
        /the prompt has \d+ tokens and the answer may take 50, more than the context of 1024/,
      );
    } finally {
      await small.close();
    }
  });

  it('gives decide() an accepted action on the first attempt', async () => {
    const decision = await decide(model, makeRequest(home, { historyPages: 0 }), {
      maxAttempts: 1,
    });
    expect(decision.usage.attempts).toBe(1);
    expect(decision.usage.prompt_tokens).not.toBeNull();
  });

  it('chat(): earlier turns become history, and a schema becomes the grammar', async () => {
    const messages = [
      { role: 'system', content: 'You answer briefly.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi.' },
      { role: 'user', content: 'Name a colour.' },
    ] as const;
    const plain = await model.chat({ messages: [...messages], maxTokens: 6 });
    expect(plain.completionTokens).toBeGreaterThan(0);
    expect(plain.completionTokens).toBeLessThanOrEqual(6);
    const schema = { name: 'colour', schema: z.object({ colour: z.enum(['red', 'blue']) }) };
    const structured = await model.chat({ messages: [...messages], schema, maxTokens: 40 });
    expect(schema.schema.parse(JSON.parse(structured.text))).toBeDefined();
    await expect(model.chat({ messages: [{ role: 'assistant', content: 'x' }] })).rejects.toThrow(
      /must end with a user message/,
    );
  });

  it('reports a missing model file clearly', async () => {
    const error = await createModel('llama:/nonexistent/model.gguf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBackendError);
    expect((error as Error).message).toMatch(/no model file there.*GGUF/);
  });
});
