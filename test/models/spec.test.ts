import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { OpenAIChatModel } from '../../src/models/openai.js';
import { RandomModel } from '../../src/models/random.js';
import { createModel, parseModelSpec } from '../../src/models/spec.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

describe('model specs', () => {
  it('parses every form', () => {
    expect(parseModelSpec('openai:gpt-4.1-mini')).toEqual({
      kind: 'openai',
      model: 'gpt-4.1-mini',
    });
    expect(parseModelSpec('openai:qwen2.5:7b')).toEqual({ kind: 'openai', model: 'qwen2.5:7b' });
    expect(parseModelSpec('llama:/models/q.gguf')).toEqual({
      kind: 'llama',
      file: '/models/q.gguf',
    });
    expect(parseModelSpec('heuristic')).toEqual({ kind: 'heuristic' });
    expect(parseModelSpec('random')).toEqual({ kind: 'random', seed: null });
    expect(parseModelSpec('random:42')).toEqual({ kind: 'random', seed: 42 });
    expect(parseModelSpec('scripted:a.json')).toEqual({ kind: 'scripted', file: 'a.json' });
  });

  it('rejects unknown or incomplete specs listing the valid forms', () => {
    for (const bad of ['gpt-4', 'openai', 'openai:', 'llama:', 'heuristic:3', 'claude:x', '']) {
      let error: unknown;
      try {
        parseModelSpec(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain('openai:<model>');
      expect((error as Error).message).toContain('random[:<seed>]');
    }
    expect(() => parseModelSpec('random:abc')).toThrow(/whole number/);
  });

  it('creates the backends', async () => {
    const openai = await createModel('openai:m', { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(openai).toBeInstanceOf(OpenAIChatModel);
    expect(openai.id).toBe('openai:m');

    const random = await createModel('random', { seed: 9 });
    expect(random).toBeInstanceOf(RandomModel);
    expect(random.id).toBe('random:9');
    expect((await createModel('random:3', { seed: 9 })).id).toBe('random:3');

    const heuristic = await createModel('heuristic', { seed: 2 });
    const reply = await heuristic.predict(makeRequest(loadObservation('home-page')));
    expect(reply.text).toContain('"action"');
    await heuristic.close();
  });
});
