import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

afterEach(() => {
  delete process.env.SHOPSIM_CONCURRENCY;
});

describe('shopsim config', () => {
  it('prints every resolved value with its source', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-config-cli-'));
    const file = path.join(dir, 'c.json');
    await writeFile(file, JSON.stringify({ maxSteps: 12, seed: 5 }));
    process.env.SHOPSIM_CONCURRENCY = '4';
    const result = await runCli(['config', '--config', file, '--seed', '7', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      values: Record<string, unknown>;
      sources: Record<string, string>;
      file: string;
    };
    expect(printed.values).toMatchObject({ maxSteps: 12, seed: 7, concurrency: 4 });
    expect(printed.sources).toMatchObject({
      maxSteps: 'file',
      seed: 'flag',
      concurrency: 'env',
      model: 'default',
    });
    expect(printed.file).toBe(file);

    const table = await runCli(['config', '--config', file]);
    expect(table.stdout).toMatch(/^maxSteps\s+12\s+.*c\.json$/m);
    expect(table.stdout).toMatch(/^concurrency\s+4\s+SHOPSIM_CONCURRENCY$/m);
    expect(table.stdout).toMatch(/^model\s+"heuristic"\s+default$/m);
  });

  it('refuses a bad flag value with exit code 2, naming the flag as typed', async () => {
    const result = await runCli(['config', '--max-steps', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-steps: "abc" is not a number');
  });
});
