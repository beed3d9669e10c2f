import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, envName, modelOptionsOf, resolveConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';

async function configFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-config-'));
  const file = path.join(dir, 'shopsim.config.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('resolveConfig', () => {
  it('layers defaults, file, environment and flags, and says where each value came from', async () => {
    const file = await configFile({ maxSteps: 12, concurrency: 3, model: 'random:1' });
    const resolved = resolveConfig({
      file,
      env: { SHOPSIM_CONCURRENCY: '4', SHOPSIM_SEED: '9' },
      flags: { seed: '11', historyPages: undefined },
    });
    expect(resolved.values).toMatchObject({
      maxSteps: 12,
      concurrency: 4,
      seed: 11,
      model: 'random:1',
      historyPages: DEFAULT_CONFIG.historyPages,
    });
    expect(resolved.sources).toMatchObject({
      maxSteps: 'file',
      concurrency: 'env',
      seed: 'flag',
      model: 'file',
      historyPages: 'default',
    });
    expect(resolved.file).toBe(file);
  });

  it('hands the llama settings (threads, context size) to the models, from env or flags', () => {
    const { values } = resolveConfig({
      file: null,
      env: { SHOPSIM_CONTEXT_SIZE: '16384' },
      flags: { threads: '1' },
    });
    expect(modelOptionsOf(values).llama).toEqual({ threads: 1, contextSize: 16384 });
    expect(modelOptionsOf(DEFAULT_CONFIG).llama).toBeUndefined();
  });

  it('finds ./shopsim.config.json in the working directory, and has no file otherwise', async () => {
    const file = await configFile({ timeoutMs: 2000 });
    const found = resolveConfig({ env: {}, cwd: path.dirname(file) });
    expect(found.values.timeoutMs).toBe(2000);
    expect(found.file).toBe(file);
    const none = resolveConfig({ env: {}, cwd: tmpdir() + '/does-not-exist' });
    expect(none.file).toBeNull();
    expect(Object.values(none.sources).every((s) => s === 'default')).toBe(true);
  });

  it('names the flag as it was typed, and the variable, when a value is bad', () => {
    const bad = () =>
      resolveConfig({
        env: {},
        flags: { maxSteps: 'abc' },
        flagNames: { maxSteps: '--max-steps' },
      });
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow(/^--max-steps: "abc" is not a number/);
    expect(() => resolveConfig({ env: { [envName('maxSteps')]: '0' } })).toThrow(
      /^SHOPSIM_MAX_STEPS: /,
    );
    expect(() =>
      resolveConfig({
        env: {},
        flags: { concurrency: '-1' },
        flagNames: { concurrency: '--concurrency' },
      }),
    ).toThrow(/^--concurrency: /);
  });
});
