import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** Runs the built CLI as its own process; resolves with its exit code, or 'hung' after 30 s. */
function shopsim(args: string[]): Promise<{ code: number | 'hung'; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/shopsim.js', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'hung', stderr });
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr });
    });
  });
}

describe('simulate checks its inputs before anything starts', () => {
  it('refuses absurd numbers, naming the flag as typed', async () => {
    const sessions = await runCli(['simulate', '--sessions', '1e9']);
    expect(sessions.code).toBe(2);
    expect(sessions.stderr).toMatch(/--sessions 1e9: .*from 1 to 10000/);
    const concurrency = await runCli(['simulate', '--concurrency', '1000']);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toMatch(/^shopsim: --concurrency: /m);
    const steps = await runCli(['simulate', '--max-steps', 'abc']);
    expect(steps.stderr).toContain('--max-steps: "abc" is not a number');
  });

  it('exits on a bad recipe or model script instead of leaving the shop running', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-inputs-'));
    const recipe = path.join(dir, 'recipe.json');
    await writeFile(recipe, '{"rules": [');
    const badRecipe = await shopsim(['simulate', '--site', 'builtin', '--recipe', recipe]);
    expect(badRecipe.code).toBe(1);
    expect(badRecipe.stderr).toContain(recipe);

    const script = path.join(dir, 'script.json');
    await writeFile(script, '{"not": "an array"}');
    const out = path.join(dir, 'run');
    const badScript = await shopsim(['simulate', '--model', `scripted:${script}`, '--out', out]);
    expect(badScript.code).toBe(1);
    expect(badScript.stderr).toContain('must hold a JSON array');
    expect(existsSync(out)).toBe(false); // no run folder, no error traces: nothing started
  }, 90_000);
});
