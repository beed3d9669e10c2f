import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INTERRUPTED } from '../../src/agent/run-session.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';

const PERSONAS = path.resolve(import.meta.dirname, '../../personas');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-interrupt-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** True once some trace in `dir` has a step line. */
async function someStepWritten(dir: string): Promise<boolean> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.jsonl'));
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => '');
    if (text.includes('"kind":"step"')) return true;
  }
  return false;
}

it('Ctrl-C during simulate ends the running session cleanly and starts no more', async () => {
  const out = path.join(work, 'run');
  const before = new Set(process.listeners('SIGINT'));
  // 20 personas, one at a time: far more work than runs before the interrupt
  const running = runCli(['simulate', '--site', 'builtin', '--persona', PERSONAS,
    '--concurrency', '1', '--out', out]); // prettier-ignore
  let onSignal: (() => void) | undefined;
  for (let i = 0; i < 600 && !(onSignal && (await someStepWritten(out))); i++) {
    await new Promise((r) => setTimeout(r, 100));
    // the CLI's own handler, called directly: other SIGINT listeners stay untouched
    onSignal ??= process
      .listeners('SIGINT')
      .find((l) => !before.has(l) && l.name === 'onSignal') as (() => void) | undefined;
  }
  expect(onSignal, 'the simulate command listens for Ctrl-C').toBeDefined();
  onSignal!();
  const { code, stdout, stderr } = await running;
  expect(code).toBe(130);
  expect(stderr).toContain('Interrupted');
  expect(stdout).toMatch(/Interrupted: 1 of 20 sessions ran/);
  expect(process.listeners('SIGINT').filter((l) => !before.has(l))).toEqual([]);

  const traces = await readTraces(out);
  expect(traces).toHaveLength(1);
  expect(traces[0]!.end).toMatchObject({ outcome: 'interrupted', error: INTERRUPTED });
  expect(traces[0]!.steps.length).toBeGreaterThanOrEqual(1);
}, 120_000);
