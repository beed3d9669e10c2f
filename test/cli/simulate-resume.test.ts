import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';
import { usePersonaFolder } from '../support/persona-folder.js';
import { finished, traceTexts } from '../support/run-folder.js';

const CHOSEN = ['coffee-maker-aisha', 'commuter-earbuds-priya', 'backpacker-tent-nina'];

const folder = usePersonaFolder('shopsim-resume-', CHOSEN);

const args = (out: string, ...extra: string[]) =>
  ['simulate', '--site', 'builtin', '--persona', folder.personas, '--max-steps', '3',
    '--seed', '3', '--concurrency', '1', '--out', out, ...extra]; // prettier-ignore

it('--resume after Ctrl-C keeps finished sessions byte for byte and completes the rest', async () => {
  const out = path.join(folder.work, 'run');
  const before = new Set(process.listeners('SIGINT'));
  const running = runCli(args(out));
  let onSignal: (() => void) | undefined;
  // interrupt once one session has finished and the next one has taken a step
  const ready = async () => {
    const texts = [...(await traceTexts(out)).values()];
    return texts.some(finished) && texts.some((t) => !finished(t) && t.includes('"kind":"step"'));
  };
  for (let i = 0; i < 1200 && !(onSignal && (await ready())); i++) {
    await new Promise((r) => setTimeout(r, 50));
    onSignal ??= process
      .listeners('SIGINT')
      .find((l) => !before.has(l) && l.name === 'onSignal') as (() => void) | undefined;
  }
  onSignal!();
  expect((await running).code).toBe(130);

  const interrupted = await traceTexts(out);
  const kept = [...interrupted].filter(([, text]) => finished(text));
  const unfinished = [...interrupted].filter(([, text]) => !finished(text)).map(([n]) => n);
  expect(kept.length).toBeGreaterThanOrEqual(1);
  expect(kept.length).toBeLessThan(CHOSEN.length);

  // the same --out without --resume is refused, naming the folder and both ways out
  const refused = await runCli(args(out));
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`--out ${out} already holds a run`);
  expect(refused.stderr).toContain('--resume');
  expect(refused.stderr).toContain('new --out');
  // --resume with other settings is refused, naming the setting
  const other = await runCli(args(out, '--resume', '--max-steps', '5'));
  expect(other.code).toBe(2);
  expect(other.stderr).toContain('config.maxSteps 3');
  expect(other.stderr).toContain('this invocation has 5');
  const otherSeed = await runCli(args(out, '--resume', '--seed', '4'));
  expect(otherSeed.stderr).toContain('seed 3');
  expect(await traceTexts(out)).toEqual(interrupted);

  const resumed = await runCli(args(out, '--resume', '--json'));
  expect(resumed.stderr).not.toContain('error');
  expect(resumed.code).toBe(0);
  const summary = JSON.parse(resumed.stdout);
  expect(summary.sessions).toBe(CHOSEN.length);
  expect(summary.interrupted).toBe(0);

  const after = await traceTexts(out);
  expect([...after.keys()].sort()).toEqual(CHOSEN.map((id) => `${id}-1.jsonl`).sort());
  for (const [name, text] of kept) expect(after.get(name)).toBe(text);
  for (const text of after.values()) expect(finished(text)).toBe(true);
  const traces = await readTraces(out);
  expect(traces.every((t) => t.end && t.end.outcome !== 'interrupted')).toBe(true);
  // partial traces were set aside, not lost
  const aside = (await readdir(out)).filter((f) => f.startsWith('_unfinished-'));
  expect(aside.sort()).toEqual(unfinished.map((n) => `_unfinished-1.${n}`).sort());
  expect(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')).sessions).toBe(3);
}, 240_000);
