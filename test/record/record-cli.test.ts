import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readTraceFile } from '../../src/traces/reader.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-record-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function waitFor<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe().catch(() => null);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('records on the builtin shop until Ctrl-C, then writes the terminate step', async () => {
  const out = path.join(work, 'run');
  let stdout = '';
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c) => ((stdout += String(c)), true));
  const before = new Set(process.listeners('SIGINT'));
  try {
    const running = main([
      'node', 'shopsim', 'record', '--site', 'builtin', '--variant', 'b', '--headless', '--out', out,
    ]); // prettier-ignore
    // the CLI's own Ctrl-C handler (called directly: other SIGINT listeners stay untouched)
    const onSigint = await waitFor(
      async () =>
        process.listeners('SIGINT').find((l) => !before.has(l) && l.name === 'onSignal') ?? null,
      'the SIGINT handler',
    );
    await waitFor(async () => (stdout.includes('Recording into') ? true : null), 'the banner');
    onSigint('SIGINT');
    expect(await running).toBe(0);
  } finally {
    write.mockRestore();
  }
  expect(process.listeners('SIGINT').filter((l) => !before.has(l))).toEqual([]);
  expect(stdout).toMatch(/Recorded 1 steps \(outcome terminate\)/);
  const files = (await readdir(out)).filter((f) => f.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  const trace = await readTraceFile(path.join(out, files[0]!));
  expect(trace.header).toMatchObject({ source: 'human', dataset: 'shopsim-record', variant: 'b' });
  expect(trace.header.site).toBe('builtin'); // a stable identity, not the shop's temporary port
  expect(trace.steps.map((s) => s.action)).toEqual([{ type: 'terminate' }]);
  expect(trace.steps[0]!.observation.elements.length).toBeGreaterThan(0); // the home page
  expect(JSON.parse(await readFile(path.join(out, 'run.json'), 'utf8'))).toMatchObject({
    kind: 'record',
    variant: 'b',
  });
}, 120_000);

it('with --json, prints only the summary on stdout; the banner and steps go to stderr', async () => {
  const out = path.join(work, 'json-run');
  let stdout = '';
  let stderr = '';
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c) => ((stdout += String(c)), true));
  const writeErr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c) => ((stderr += String(c)), true));
  const before = new Set(process.listeners('SIGINT'));
  try {
    const running = main([
      'node', 'shopsim', 'record', '--site', 'builtin', '--headless', '--out', out, '--json',
    ]); // prettier-ignore
    const onSigint = await waitFor(
      async () =>
        process.listeners('SIGINT').find((l) => !before.has(l) && l.name === 'onSignal') ?? null,
      'the SIGINT handler',
    );
    await waitFor(async () => (stderr.includes('Recording into') ? true : null), 'the banner');
    onSigint('SIGINT');
    expect(await running).toBe(0);
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
  const summary = JSON.parse(stdout) as { file: string; steps: number; outcome: string };
  expect(summary).toMatchObject({ steps: 1, outcome: 'terminate', orderId: null });
  expect(path.dirname(summary.file)).toBe(out);
  expect(stderr).toContain('Ending the session');
}, 120_000);
