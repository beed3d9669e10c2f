import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  backendOf,
  MODEL_BACKENDS,
  readModelSpec,
  specForms,
  specUsage,
  type ModelKind,
} from '../../src/models/registry.js';
import { createModel, isPerSessionModel, parseModelSpec } from '../../src/models/spec.js';
import { modelFixturePath } from '../support/model-fixtures.js';

/** How often each backend file was imported: the registry must import one only when chosen. */
const loads = vi.hoisted(() => ({ openai: 0, llama: 0, random: 0 }));
vi.mock('../../src/models/openai.js', async (original) => {
  loads.openai++;
  return original();
});
vi.mock('../../src/models/llama.js', async (original) => {
  loads.llama++;
  return original();
});
vi.mock('../../src/models/random.js', async (original) => {
  loads.random++;
  return original();
});

/** One valid spec per kind (the type makes a new backend add its own). */
const EXAMPLES: Record<ModelKind, string> = {
  openai: 'openai:gpt-4.1-mini',
  llama: 'llama:/models/qwen.gguf',
  heuristic: 'heuristic',
  random: 'random:7',
  scripted: 'scripted:answers.json',
};

describe('model registry', () => {
  it('every entry parses the spec its usage describes, and its spec leads back to it', () => {
    expect(MODEL_BACKENDS.map((b) => b.kind)).toEqual([
      'openai',
      'llama',
      'heuristic',
      'random',
      'scripted',
    ]);
    for (const backend of MODEL_BACKENDS) {
      const spec = readModelSpec(EXAMPLES[backend.kind]);
      expect(spec.kind).toBe(backend.kind);
      expect(backendOf(spec)).toBe(backend);
      if (backend.argument === null || backend.optionalArgument) {
        expect(readModelSpec(backend.kind).kind).toBe(backend.kind);
      } else {
        expect(() => readModelSpec(`${backend.kind}:`)).toThrow(UsageError);
      }
    }
    expect(MODEL_BACKENDS.map(specUsage)).toEqual([
      'openai:<model>',
      'llama:<path.gguf>',
      'heuristic',
      'random[:<seed>]',
      'scripted:<file.json>',
    ]);
  });

  it('a bad spec gets the list generated from the entries', () => {
    const error = (() => {
      try {
        parseModelSpec('claude:x');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(/^unknown model "claude:x"\. Valid forms:\n/);
    for (const line of specForms()) expect(error!.message).toContain(line);
    for (const backend of MODEL_BACKENDS) {
      expect(error!.message).toContain(`${specUsage(backend)}`);
      expect(error!.message).toContain(backend.help);
    }
    // a caller may list only the forms it takes, under its own name
    const only = MODEL_BACKENDS.filter((b) => b.kind !== 'random');
    expect(() => readModelSpec('x', { listed: only, command: 'synthesize' })).toThrow(
      /^unknown model spec "x" for synthesize\. Valid forms:\n(?![\s\S]*random)/,
    );
  });

  it('marks the cheap stateless backends per-session and shares the heavy ones', () => {
    expect(isPerSessionModel('heuristic')).toBe(true);
    expect(isPerSessionModel('random:3')).toBe(true);
    expect(isPerSessionModel('scripted:a.json')).toBe(true);
    expect(isPerSessionModel('openai:gpt-4.1-mini')).toBe(false);
    expect(isPerSessionModel('llama:/m.gguf')).toBe(false);
    expect(() => isPerSessionModel('gpt-4')).toThrow(UsageError);
  });

  it('only the language-model backends (and scripted) offer a chat call', () => {
    const chat = MODEL_BACKENDS.filter((b) => b.createChat).map((b) => b.kind);
    expect(chat).toEqual(['openai', 'llama', 'scripted']);
    expect(MODEL_BACKENDS.filter((b) => b.templateRationales).map((b) => b.kind)).toEqual([
      'heuristic',
    ]);
  });

  it("imports a backend's file only when a spec chooses it", async () => {
    expect(loads).toEqual({ openai: 0, llama: 0, random: 0 });
    parseModelSpec('openai:m');
    parseModelSpec('llama:/m.gguf');
    await (await createModel('heuristic')).close();
    await createModel(`scripted:${modelFixturePath('script.json')}`);
    expect(loads).toEqual({ openai: 0, llama: 0, random: 0 });

    await createModel('random:2');
    expect(loads).toEqual({ openai: 0, llama: 0, random: 1 });
    const openai = await createModel('openai:m', { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(openai.id).toBe('openai:m');
    expect(loads).toEqual({ openai: 1, llama: 0, random: 1 });
    await expect(createModel('llama:/nonexistent.gguf')).rejects.toThrow(/no model file/);
    expect(loads.llama).toBe(1);
  });
});
